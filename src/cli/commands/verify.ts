/**
 * `legacy-hash verify HASH`: does a password match one stored hash? The password comes from a
 * prompt with echo off or from stdin, never from the command line.
 * `legacy-hash verify --batch FILE`: checks (hash, password[, salt, username]) rows, e.g. the
 * known passwords of test accounts, to prove an export is intact before cut-over.
 */
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { LegacyHashError } from '../../errors.js';
import type { VerifyOptions } from '../../types.js';
import { verifyDetailed } from '../../verify.js';
import {
  EXIT,
  INPUT_OPTIONS,
  UsageError,
  delimiterChoice,
  formatChoice,
  headerChoice,
  intOption,
  parse,
  type Command,
  type Context,
  REPORT_OPTIONS,
} from '../command.js';
import { resolveColumns, type Columns } from '../io/columns.js';
import { openInput } from '../io/input.js';
import { clean, colorEnabled, csvLine, num, style, write, type Style } from '../io/output.js';
import { Progress } from '../io/progress.js';
import { readRecords } from '../io/records.js';
import { redact } from '../io/redact.js';
import { promptPassword, readPasswordStdin, readPepper } from '../io/secrets.js';
import { checkPlatform, errorText, looksLikeHash } from '../shared.js';

const HELP = `Usage: legacy-hash verify [options] HASH
       legacy-hash verify --batch [options] [FILE]

Checks a password against a stored hash, exactly as the platform that wrote it would, and
prints the scheme that matched. The password is read from a prompt with echo off, or with
--password-stdin from the first line of stdin. It is never taken as an argument (shell
history, process lists) and never printed.

With --batch, checks every row of FILE (CSV/TSV/JSON Lines; '-' or no FILE = stdin) holding a
hash and its known password (plus salt/username columns when the scheme needs them), e.g. the
test accounts of an export, to prove the export is intact before cut-over. Hashes in the output
are redacted; passwords never appear.

Options:
  --password-stdin          read the password from stdin instead of prompting
  --scheme ID               force one scheme (default: detect; see 'legacy-hash schemes')
  --platform ID             only consider schemes this platform stores
  --salt SALT               salt kept in a separate column (OpenCart, vBulletin, ...)
  --username NAME           for schemes salted with the login name
  --pepper-file FILE        site-wide secret (e.g. PrestaShop _COOKIE_KEY_) from a file
  --pepper-env NAME         ... or from environment variable NAME (default: LEGACY_HASH_PEPPER)
  --json                    machine-readable result
  --color, --no-color       force colour on or off

Batch options:
  --batch                   check a file of rows instead of one hash
  --hash-column COL         header name or 1-based number (default: password_hash, hash, ...)
  --password-column COL     (default: password, plaintext, ...)
  --salt-column COL, --username-column COL, --id-column COL, --email-column COL
  --input-format F, --delimiter C, --header, --no-header   (as for audit)
  --csv                     one CSV line per row: line,id,result,scheme,error,hash
  --concurrency N           rows verified at once (default: number of cores)
  --show-hashes             print hashes in full
  -q, --quiet               list only the rows that did not match, no progress bar

Examples:
  legacy-hash verify '$P$946647711V1klyitUYhtB8Yw5DMA/w.'          # prompts for the password
  printf '%s\\n' "$PW" | legacy-hash verify --password-stdin '57ab8499d08c59a7211c77f557bf9425:4247'
  legacy-hash verify --batch --pepper-file examples/prestashop-cookie-key.txt examples/known-passwords.csv
  legacy-hash verify --batch --json test-accounts.csv > result.json

Exit status: 0 match (batch: every row matched); 1 no match (batch: some row did not match or
could not be checked); 2 error (malformed or unsupported hash, missing input, usage, input).
`;

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a password against a hash, or a file of known passwords (--batch)',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      ...INPUT_OPTIONS,
      'password-stdin': { type: 'boolean' },
      scheme: { type: 'string' },
      platform: { type: 'string' },
      salt: { type: 'string' },
      username: { type: 'string' },
      'pepper-file': { type: 'string' },
      'pepper-env': { type: 'string' },
      ...REPORT_OPTIONS,
      csv: { type: 'boolean' },
      batch: { type: 'boolean' },
      'hash-column': { type: 'string' },
      'password-column': { type: 'string' },
      'salt-column': { type: 'string' },
      'username-column': { type: 'string' },
      'email-column': { type: 'string' },
      'id-column': { type: 'string' },
      concurrency: { type: 'string' },
      'show-hashes': { type: 'boolean' },
      password: { type: 'string' },
    });
    if (values.help) {
      ctx.stdout.write(HELP);
      return EXIT.OK;
    }
    if (values.password !== undefined) {
      throw new UsageError('passwords are never taken as arguments (shell history, process lists): use the prompt or --password-stdin');
    }
    const platform = checkPlatform(values.platform);
    const pepper = readPepper(values, ctx.env);
    const base: VerifyOptions = {};
    if (values.scheme !== undefined) base.scheme = values.scheme;
    if (platform !== undefined) base.platform = platform;
    if (pepper !== undefined) base.pepper = pepper;
    const flag = values.color ? true : values['no-color'] ? false : undefined;
    const st = style(colorEnabled(ctx.stdout, ctx.env, flag));

    if (values.batch) return batch(values, positionals, ctx, base, st);

    if (values.csv) throw new UsageError('--csv is for --batch');
    if (positionals.length !== 1) throw new UsageError('verify takes exactly one HASH (or --batch FILE)');
    const hash = positionals[0]!;
    if (values.salt !== undefined) base.salt = values.salt;
    if (values.username !== undefined) base.username = values.username;
    const password = values['password-stdin'] ? await readPasswordStdin(ctx) : await promptPassword(ctx, 'Password: ');
    try {
      const r = await verifyDetailed(password, hash, base);
      if (values.json) {
        ctx.stdout.write(JSON.stringify({ schemaVersion: 1, match: r.match, scheme: r.scheme ?? null, tried: r.tried }) + '\n');
      } else if (r.match) {
        ctx.stdout.write(`${st.green('match')}: ${st.cyan(r.scheme!)}\n`);
      } else {
        ctx.stdout.write(`${st.red('no match')} (tried: ${r.tried.join(', ')})\n`);
      }
      return r.match ? EXIT.OK : EXIT.NEGATIVE;
    } catch (e) {
      if (!(e instanceof LegacyHashError)) throw e;
      if (values.json) {
        ctx.stdout.write(JSON.stringify({ schemaVersion: 1, match: false, scheme: null, tried: [], error: { code: e.code, message: e.message } }) + '\n');
      }
      ctx.stderr.write(`legacy-hash verify: ${errorText(e)}\n`);
      return EXIT.ERROR;
    } finally {
      password.fill(0);
      pepper?.fill(0);
    }
  },
};

type Values = Record<string, string | boolean | undefined>;

interface RowResult {
  line: number;
  id: string;
  result: 'match' | 'mismatch' | 'error';
  scheme: string | null;
  tried: string[];
  error: { code: string; message: string } | null;
  hash: string;
}

async function batch(values: Values, positionals: string[], ctx: Context, base: VerifyOptions, st: Style): Promise<number> {
  if (positionals.length > 1) throw new UsageError('verify --batch takes one FILE');
  if (values['password-stdin']) throw new UsageError('--password-stdin is not for --batch: passwords come from the file');
  if (values.json && values.csv) throw new UsageError('--json and --csv exclude each other');
  const str = (k: string) => values[k] as string | undefined;
  const concurrency = intOption('concurrency', str('concurrency'), 1) ?? Math.max(2, availableParallelism());
  const showHashes = values['show-hashes'] === true;
  const quiet = values.quiet === true;
  const mode = values.json ? 'json' : values.csv ? 'csv' : 'text';
  const input = openInput(positionals[0], ctx);
  const progress = Progress.for(ctx.stderr, quiet || mode === 'text', 'verifying', input.size);
  const out: Writable = ctx.stdout;
  let cols: Columns | undefined;
  const counts = { rows: 0, match: 0, mismatch: 0, error: 0 };
  let first = true;

  if (mode === 'json') await write(out, '{"schemaVersion":1,"rows":[');
  if (mode === 'csv') await write(out, csvLine(['line', 'id', 'result', 'scheme', 'error', 'hash']));

  await readRecords(
    input.stream,
    {
      format: formatChoice(str('input-format')),
      delimiter: delimiterChoice(str('delimiter')),
      header: headerChoice(values as { header?: boolean; 'no-header'?: boolean }),
      looksLikeData: looksLikeHash,
    },
    (info, sample) => {
      cols = resolveColumns(
        info,
        sample,
        [
          { role: 'hash', spec: str('hash-column'), required: true, option: '--hash-column', exclude: ['password', 'pass', 'passwd', 'pwd'] },
          { role: 'password', spec: str('password-column'), required: true, option: '--password-column' },
          { role: 'salt', spec: str('salt-column'), option: '--salt-column' },
          { role: 'username', spec: str('username-column'), option: '--username-column' },
          { role: 'id', spec: str('id-column'), option: '--id-column' },
          { role: 'email', spec: str('email-column'), option: '--email-column' },
        ],
        looksLikeHash,
      );
    },
    async (b) => {
      const c = cols!;
      for (let start = 0; start < b.rows.length; start += concurrency) {
        const slice = b.rows.slice(start, start + concurrency);
        const results = await Promise.all(slice.map((r, k) => checkRow(r, b.lines[start + k]!, c, base, showHashes)));
        let text = '';
        for (const r of results) {
          counts.rows++;
          counts[r.result]++;
          if (mode === 'json') {
            text += (first ? '\n' : ',\n') + JSON.stringify(r);
            first = false;
          } else if (mode === 'csv') {
            text += csvLine([r.line, r.id, r.result, r.scheme ?? '', r.error?.code ?? '', r.hash]);
          } else if (!quiet || r.result !== 'match') {
            text += rowText(r, st);
          }
        }
        if (text) await write(out, text);
        progress.update(counts.rows, input.bytesRead());
      }
    },
  );
  progress.done();
  const summary = `${num(counts.rows)} rows: ${num(counts.match)} match, ${num(counts.mismatch)} mismatch, ${num(counts.error)} error`;
  if (mode === 'json') await write(out, `\n],"summary":${JSON.stringify(counts)}}\n`);
  else if (mode === 'csv') ctx.stderr.write(summary + '\n');
  else await write(out, (counts.mismatch + counts.error ? st.yellow(summary) : st.green(summary)) + '\n');
  base.pepper instanceof Uint8Array && base.pepper.fill(0);
  return counts.rows > 0 && counts.match === counts.rows ? EXIT.OK : EXIT.NEGATIVE;
}

async function checkRow(r: string[], line: number, c: Columns, base: VerifyOptions, showHashes: boolean): Promise<RowResult> {
  const hash = r[c.hash] ?? '';
  const options: VerifyOptions = { ...base };
  const salt = c.salt >= 0 ? r[c.salt] : undefined;
  if (salt) options.salt = salt;
  const user = c.username >= 0 ? r[c.username] : undefined;
  if (user) options.username = user;
  const id = (c.id >= 0 ? r[c.id] : c.email >= 0 ? r[c.email] : '') ?? '';
  const res: RowResult = { line, id, result: 'error', scheme: null, tried: [], error: null, hash: redact(hash, showHashes) };
  try {
    const v = await verifyDetailed(r[c.password] ?? '', hash, options);
    res.result = v.match ? 'match' : 'mismatch';
    res.scheme = v.scheme ?? null;
    res.tried = v.tried;
  } catch (e) {
    if (!(e instanceof LegacyHashError)) throw e;
    res.error = { code: e.code, message: e.message };
  }
  return res;
}

function rowText(r: RowResult, st: Style): string {
  const status = r.result === 'match' ? st.green('match   ') : r.result === 'mismatch' ? st.red('mismatch') : st.red('error   ');
  const what =
    r.result === 'match'
      ? st.cyan(clean(r.scheme!))
      : r.result === 'mismatch'
        ? `tried ${clean(r.tried.join(', '))}`
        : clean(`${r.error!.code}: ${r.error!.message}`);
  const hash = r.result === 'match' ? '' : st.dim('  ' + clean(r.hash));
  return `line ${String(r.line).padEnd(6)} ${status}  ${r.id ? clean(r.id) + '  ' : ''}${what}${hash}\n`;
}
