/** `legacy-hash audit FILE`: what is in a customer export, and what migrating it takes. */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import {
  EXIT,
  EXPORT_OPTIONS,
  UsageError,
  delimiterChoice,
  formatChoice,
  headerChoice,
  intOption,
  parse,
  type Command,
  REPORT_OPTIONS,
} from '../command.js';
import { columnName, resolveColumns, type Columns } from '../io/columns.js';
import { openInput } from '../io/input.js';
import { colorEnabled, csvLine, finish, openOutput, style, write } from '../io/output.js';
import { Progress } from '../io/progress.js';
import { readRecords, type SourceInfo } from '../io/records.js';
import { redact } from '../io/redact.js';
import { readPepper } from '../io/secrets.js';
import { Auditor, mergeReports, type AuditOptions, type AuditReport, type RowOutcome } from '../report/audit.js';
import { AuditPool, type RowFields } from '../report/audit-pool.js';
import { renderHtml } from '../report/html.js';
import { renderText } from '../report/text.js';
import { checkPlatform, looksLikeHash } from '../shared.js';

const HELP = `Usage: legacy-hash audit [options] [FILE]

Reads a customer export (CSV, TSV, JSON Lines or a JSON array; FILE or stdin) and reports,
without hashing anything: rows per hash scheme with their cost parameters, inputs still
missing (salt column, site pepper, user name), ambiguous, malformed and unknown rows (hashes
redacted), identical hashes (shared passwords), and the migration verdict: how many accounts
can migrate gradually at login and how many need a forced password reset.

Input:
  FILE                      the export; '-' or no FILE reads stdin
  --input-format F          auto (default), csv, tsv, jsonl, json
  --delimiter C             CSV delimiter (default: detected among , ; | TAB)
  --header, --no-header     force header detection (default: detected)
  --hash-column COL         column holding the stored hash: header name or 1-based number
                            (default: password_hash, hash, user_pass, password, ... or by content)
  --salt-column COL         separate salt column (default: 'salt' when present; 'none' to ignore)
  --username-column COL     user-name column, for schemes salted with the login name
  --email-column COL        e-mail column (counts reset accounts without an address)
  --id-column COL           account id column, shown next to row numbers
  --platform ID             only consider schemes this platform stores (see 'legacy-hash schemes')
  --pepper-file FILE        site-wide secret (e.g. PrestaShop _COOKIE_KEY_) from a file
  --pepper-env NAME         ... or from environment variable NAME (default: LEGACY_HASH_PEPPER)

Output:
  --json                    machine-readable report (schema: docs/cli.md)
  --html                    self-contained HTML page with tables and charts
  -o, --output FILE         write the report to FILE instead of stdout
  --rows FILE               also write one CSV line per row: line,id,email,scheme,verdict,reason,hash
  --show-hashes             print hashes in full (default: redacted, e.g. $2y$10$…(60 chars))
  --max-examples N          problem rows listed per category (default 20)
  --fail-on-reset           exit 1 when any account needs a reset
  --jobs N                  worker threads classifying rows (default: one per core for inputs
                            over 8 MB or stdin, else 1 = in-process)
  -q, --quiet               no progress bar
  --color, --no-color       force colour on or off (default: only on a terminal, never with NO_COLOR)

Examples:
  legacy-hash audit examples/customers.csv
  legacy-hash audit --pepper-file examples/prestashop-cookie-key.txt examples/customers.csv
  legacy-hash audit --html -o report.html export.csv
  mysqldump ... | legacy-hash audit --json --input-format tsv - > audit.json
  legacy-hash audit --hash-column 3 --no-header --platform magento2 hashes.txt

Exit status: 0 report written; 1 --fail-on-reset and some account needs a reset;
2 usage or input error.
`;

export const audit: Command = {
  name: 'audit',
  summary: 'report the schemes, problems and migration verdict of an export file',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      ...EXPORT_OPTIONS,
      ...REPORT_OPTIONS,
      html: { type: 'boolean' },
      text: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      rows: { type: 'string' },
      'show-hashes': { type: 'boolean' },
      'max-examples': { type: 'string' },
      'fail-on-reset': { type: 'boolean' },
      jobs: { type: 'string' },
    });
    if (values.help) {
      ctx.stdout.write(HELP);
      return EXIT.OK;
    }
    if (positionals.length > 1) throw new UsageError('audit takes one FILE');
    if (values.json && values.html) throw new UsageError('--json and --html exclude each other');
    const kind = values.json ? 'json' : values.html ? 'html' : 'text';
    const platform = checkPlatform(values.platform);
    const pepper = readPepper(values, ctx.env);
    const maxExamples = intOption('max-examples', values['max-examples']) ?? 20;
    const header = headerChoice(values);
    const inputFormat = formatChoice(values['input-format']);
    const delimiter = delimiterChoice(values.delimiter);
    const showHashes = values['show-hashes'] === true;

    const input = openInput(positionals[0], ctx);
    const progress = Progress.for(ctx.stderr, values.quiet === true, 'auditing', input.size);
    for (const [opt, path] of [['--rows', values.rows], ['--output', values.output]] as const) {
      if (path !== undefined && input.name !== '-' && resolve(path) === resolve(input.name)) {
        throw new UsageError(`${opt} ${path} is the input file`);
      }
    }
    const rowsOut: Writable | undefined = values.rows !== undefined ? openOutput(values.rows, '--rows') : undefined;
    const reportOut: Writable = values.output !== undefined ? openOutput(values.output, '--output') : ctx.stdout;
    if (rowsOut) await write(rowsOut, csvLine(['line', 'id', 'email', 'scheme', 'verdict', 'reason', 'hash']));

    const started = performance.now();
    let cols: Columns | undefined;
    let auditor: Auditor | undefined;
    let pool: AuditPool | undefined;
    let source: SourceInfo | undefined;
    let read = 0;
    const jobsOpt = intOption('jobs', values.jobs, 1);
    const jobs =
      ctx.entry === undefined || !/\.c?js$/.test(ctx.entry.pathname)
        ? 1
        : jobsOpt ?? (input.size !== undefined && input.size < 8 << 20 ? 1 : Math.min(8, availableParallelism()));

    try {
      await readRecords(
        input.stream,
        { format: inputFormat, delimiter, header, looksLikeData: looksLikeHash },
        (info, sample) => {
          source = info;
          cols = resolveColumns(
            info,
            sample,
            [
              { role: 'hash', spec: values['hash-column'], required: true, option: '--hash-column' },
              { role: 'salt', spec: values['salt-column'], option: '--salt-column' },
              { role: 'username', spec: values['username-column'], option: '--username-column' },
              { role: 'email', spec: values['email-column'], option: '--email-column' },
              { role: 'id', spec: values['id-column'], option: '--id-column' },
            ],
            looksLikeHash,
          );
          const options: AuditOptions = {
            ...(platform !== undefined ? { platform } : {}),
            ...(pepper !== undefined ? { pepper } : {}),
            hasSaltColumn: cols.salt >= 0,
            hasUsernameColumn: cols.username >= 0,
            hasEmailColumn: cols.email >= 0,
            showHashes,
            maxExamples,
          };
          if (jobs > 1) pool = new AuditPool(ctx.entry!, jobs, { legacyHashCli: 'audit-worker', options, rowsCsv: rowsOut !== undefined });
          else auditor = new Auditor(options);
        },
        async (batch) => {
          const c = cols!;
          const { rows, lines } = batch;
          const fields: RowFields[] = new Array(rows.length);
          for (let i = 0; i < rows.length; i++) {
            const r = rows[i]!;
            fields[i] = [
              r[c.hash] ?? '',
              c.salt >= 0 ? (r[c.salt] ?? '') : '',
              c.username >= 0 ? (r[c.username] ?? '') : '',
              c.email >= 0 ? (r[c.email] ?? '') : '',
              c.id >= 0 ? (r[c.id] ?? '') : '',
            ];
          }
          let csv: string[] | null = null;
          if (pool) csv = await pool.run(fields, lines);
          else {
            const a = auditor!;
            if (rowsOut) csv = [];
            for (let i = 0; i < fields.length; i++) {
              const f = fields[i]!;
              const o = a.add(f[0], f[1], f[2], f[3], lines[i]!, f[4]);
              csv?.push(rowCsv(f, lines[i]!, o, showHashes));
            }
          }
          read += rows.length;
          if (rowsOut && csv) await write(rowsOut, csv.join(''));
          progress.update(read, input.bytesRead());
        },
      );
    } catch (e) {
      await pool?.destroy();
      throw e;
    }
    progress.done();
    if (rowsOut) await finish(rowsOut);

    const info = source!;
    const c = cols ?? { hash: -1, salt: -1, username: -1, email: -1, id: -1, password: -1 };
    const inputInfo: AuditReport['input'] = {
      source: input.name,
      format: info.format,
      delimiter: info.delimiter ?? null,
      header: info.header !== null && (info.format === 'csv' || info.format === 'tsv'),
      columns: {
        hash: columnName(info, c.hash) ?? '',
        salt: columnName(info, c.salt),
        username: columnName(info, c.username),
        email: columnName(info, c.email),
        id: columnName(info, c.id),
      },
      platform: platform ?? null,
      pepper: pepper !== undefined,
    };
    let report: AuditReport;
    if (pool) {
      const parts = await pool.finish();
      const merged = mergeReports(parts, maxExamples);
      const base = new Auditor({ hasSaltColumn: false, hasUsernameColumn: false, hasEmailColumn: false, showHashes, maxExamples });
      const shell = base.report(inputInfo, ctx.version, (performance.now() - started) / 1000);
      report = { ...shell, ...merged, tool: shell.tool, input: inputInfo, stats: { ...shell.stats, rowsPerSecond: Math.round(read / Math.max(shell.stats.seconds, 1e-3)) } };
    } else {
      const a =
        auditor ?? new Auditor({ hasSaltColumn: false, hasUsernameColumn: false, hasEmailColumn: false, showHashes, maxExamples });
      report = a.report(inputInfo, ctx.version, (performance.now() - started) / 1000);
    }
    pepper?.fill(0);

    let text: string;
    const out = reportOut;
    if (kind === 'json') text = JSON.stringify(report, null, 2) + '\n';
    else if (kind === 'html') text = renderHtml(report);
    else {
      const flag = values.color ? true : values['no-color'] ? false : undefined;
      const st = style(values.output !== undefined ? flag === true : colorEnabled(ctx.stdout, ctx.env, flag));
      text = renderText(report, st, maxExamples);
    }
    await write(out, text);
    if (out !== ctx.stdout) await finish(out);
    if (values['fail-on-reset'] && report.verdict.reset > 0) return EXIT.NEGATIVE;
    return EXIT.OK;
  },
};

/** One line of the --rows CSV (line,id,email,scheme,verdict,reason,hash). Also used by workers. */
export function rowCsv(f: RowFields, line: number, o: RowOutcome, showHashes = false): string {
  return csvLine([line, f[4], f[3], o.scheme?.id ?? '', o.verdict, o.reason ?? '', redact(f[0], showHashes)]);
}
