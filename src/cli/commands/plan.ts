/**
 * `legacy-hash plan FILE --target commercetools|neto`: the import files of the migration kit
 * (legacy-hash/commercetools planCommercetools, legacy-hash/neto planNeto) from an export, read
 * with the same input handling as `audit` (src/cli/io), plus a summary of how many accounts
 * migrate gradually and how many need a forced reset, and why (the kit's decideAccount).
 *
 * Streaming: readRecords hands over one chunk of rows at a time and waits until the plan has
 * consumed it, so memory does not grow with the file (the kits keep only the sets of e-mails and
 * usernames they must check for duplicates).
 */
import { constants, mkdirSync, openSync, fchmodSync, rmSync, lstatSync, createWriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { planCommercetools, type CommercetoolsPlanSummary } from '../../commercetools/import.js';
import type { AccountDecision, AuditSummary, ResetReason } from '../../migration/decide.js';
import { csvLine } from '../../migration/csv.js';
import type { ColumnMap } from '../../migration/rows.js';
import { netoResetLink, planNeto, type NetoPlanSummary } from '../../neto/import.js';
import { NETO_USERNAME_MAX } from '../../neto/username.js';
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
import { openInput, type Input } from '../io/input.js';
import { clean, colorEnabled, finish, num, pct, style, table, write, type Style } from '../io/output.js';
import { Progress } from '../io/progress.js';
import { readRecords, type RecordBatch, type RecordsOptions, type SourceInfo } from '../io/records.js';
import { readPepper } from '../io/secrets.js';
import { checkPlatform, looksLikeHash } from '../shared.js';

const HELP = `Usage: legacy-hash plan --target commercetools|neto --out DIR [options] [FILE]

Writes the import files for the new platform from a customer export (CSV, TSV, JSON Lines or a
JSON array; FILE or stdin), and prints how many accounts migrate gradually (their password is
checked against the old hash at first login) and how many need a forced reset, and why. The
decision per account is the one 'audit' and legacy-hash/migration's decideAccount make.

commercetools (--target commercetools), files in DIR:
  customers.jsonl           one CustomerDraft per line: e-mail, key legacy-<id>, names, and the
                            custom fields legacyPasswordHash (+ legacyPasswordSalt) and
                            isPasswordMigrated=false. Accounts that cannot migrate get no hash
                            (they use "forgot password"). No password in the file: the importer
                            (importCustomers) adds a random one per customer as it sends it.
  accounts.csv              per account: line,id,email,decision,reason,scheme,draft
Neto (--target neto): Neto's login cannot check old hashes, so every account gets a temporary
password (or the reset link) except, with --md5-carry-over, unsalted MD5 hashes.
  neto-import.csv           Neto's customer import (Username, Email Address, Password, ...)
  neto-emails.csv           companion list for the customer e-mail (temporary passwords / link)
  neto-report.csv           rows that do not fit Neto (username, e-mail) with a suggestion
Every file is created with mode 0600 (credentials, hashes, personal data). Existing files are
never overwritten without --force; on an input error the files written so far are removed.

Input (as for audit):
  FILE                      the export; '-' or no FILE reads stdin
  --input-format F          auto (default), csv, tsv, jsonl, json
  --delimiter C, --header, --no-header
  --hash-column COL, --salt-column COL, --username-column COL, --email-column COL,
  --id-column COL           header name or 1-based number ('none' ignores a column); first and
                            last names and a 'migrated' column are found by name
  --platform ID             only consider schemes this platform stores
  --pepper-file FILE        site-wide secret (e.g. PrestaShop _COOKIE_KEY_) from a file
  --pepper-env NAME         ... or from environment variable NAME (default: LEGACY_HASH_PEPPER)

Output:
  --target T                commercetools or neto (required)
  --out DIR                 directory for the files (created; required)
  --force                   overwrite existing files
  --json                    summary as JSON on stdout (default: text)
  -q, --quiet               no progress bar
  --color, --no-color       force colour on or off

commercetools:
  --include-passwords       put a random password in each draft (the file is then a secret)
  --wrap-hashes             store wrap(hash): argon2id (m=19 MiB, t=2) around the legacy digest,
                            verified transparently at login; costs ~20-50 ms per account
Neto:
  --reset-mode M            temporary-password (default) or link (reset link in the e-mail list;
                            the import gets a random password nobody knows)
  --shop-domain D           the shop's domain, for https://D/_myacct/forgotpwd (needed for link)
  --md5-carry-over          unsalted MD5 hashes go to "Password Encrypted By Other System" (the
                            customer keeps the password). Neto marks that field deprecated: test
                            one account first.
  --username-max N          longest username Neto accepts (default 25; 15 is Neto's default)
  --fix-usernames           import rows with an unusable username under the suggested one
                            (default: skip them; both are listed in neto-report.csv)

Examples:
  legacy-hash plan --target commercetools --out ct-import examples/customers.csv
  legacy-hash plan --target neto --reset-mode link --shop-domain www.example.com --out neto export.csv
  mysqldump ... | legacy-hash plan --target commercetools --wrap-hashes --json --out ct - > plan.json

Exit status: 0 files written; 2 usage or input error (existing files, unreadable input).
`;

type Target = 'commercetools' | 'neto';

/** Human text per reset reason (the kit's ResetReason codes). */
const REASON_TEXT: Record<ResetReason, string> = {
  'no-hash': 'no password hash in the export',
  'unknown-format': 'no supported scheme recognises the hash',
  malformed: 'the hash is damaged (truncated export, wrong column)',
  'missing-input': 'the scheme needs an input not given (salt column, --pepper-file, user name)',
  'over-limit': 'its costs exceed the limits verify() enforces at login',
  'already-migrated': 'already marked migrated (re-import)',
  'not-carryable': 'Neto cannot verify the old hash',
};

interface OutFile {
  name: string;
  path: string;
  stream?: Writable;
  records: number;
  containsPasswords: boolean;
  what: string;
}

export const planCommand: Command = {
  name: 'plan',
  summary: 'write the commercetools or Neto import files for an export, with a summary',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      ...EXPORT_OPTIONS,
      target: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      ...REPORT_OPTIONS,
      'include-passwords': { type: 'boolean' },
      'wrap-hashes': { type: 'boolean' },
      'reset-mode': { type: 'string' },
      'shop-domain': { type: 'string' },
      'md5-carry-over': { type: 'boolean' },
      'username-max': { type: 'string' },
      'fix-usernames': { type: 'boolean' },
    });
    if (values.help) {
      ctx.stdout.write(HELP);
      return EXIT.OK;
    }
    if (positionals.length > 1) throw new UsageError('plan takes one FILE');
    const targetArg = values.target?.toLowerCase();
    if (targetArg === undefined) throw new UsageError('--target is required (commercetools or neto)');
    if (targetArg !== 'commercetools' && targetArg !== 'neto') throw new UsageError(`--target ${values.target}: expected commercetools or neto`);
    const target: Target = targetArg;
    if (values.out === undefined || values.out === '') throw new UsageError('--out DIR is required (the directory for the import files)');

    // Options of the other target are a mistake, not something to ignore silently.
    const ctOnly = (['include-passwords', 'wrap-hashes'] as const).filter((k) => values[k] !== undefined);
    const netoOnly = (['reset-mode', 'shop-domain', 'md5-carry-over', 'username-max', 'fix-usernames'] as const).filter((k) => values[k] !== undefined);
    if (target === 'neto' && ctOnly.length) throw new UsageError(`--${ctOnly[0]} is for --target commercetools`);
    if (target === 'commercetools' && netoOnly.length) throw new UsageError(`--${netoOnly[0]} is for --target neto`);

    let resetMode: 'temporary-password' | 'reset-link' = 'temporary-password';
    const rm = values['reset-mode']?.toLowerCase();
    if (rm !== undefined) {
      if (rm === 'link' || rm === 'reset-link') resetMode = 'reset-link';
      else if (rm === 'temporary-password' || rm === 'password' || rm === 'temporary') resetMode = 'temporary-password';
      else throw new UsageError(`--reset-mode ${values['reset-mode']}: expected temporary-password or link`);
    }
    let resetLink: string | undefined;
    if (values['shop-domain'] !== undefined) {
      try {
        resetLink = netoResetLink(values['shop-domain']);
      } catch {
        throw new UsageError(`--shop-domain ${values['shop-domain']}: expected a domain name like www.example.com`);
      }
    }
    if (resetMode === 'reset-link' && resetLink === undefined) throw new UsageError('--reset-mode link needs --shop-domain (for the /_myacct/forgotpwd link)');
    const usernameMax = intOption('username-max', values['username-max'], 1);
    if (usernameMax !== undefined && usernameMax > NETO_USERNAME_MAX) throw new UsageError(`--username-max must be at most ${NETO_USERNAME_MAX} (Neto's limit)`);

    const platform = checkPlatform(values.platform);
    const header = headerChoice(values);
    const inputFormat = formatChoice(values['input-format']);
    const delimiter = delimiterChoice(values.delimiter);
    const input = openInput(positionals[0], ctx);
    const pepper = readPepper(values, ctx.env);

    // Output files: all checked before any is created.
    const dir = values.out;
    const includePasswords = values['include-passwords'] === true;
    const files: OutFile[] =
      target === 'commercetools'
        ? [
            { name: 'customers.jsonl', path: '', records: 0, containsPasswords: includePasswords, what: includePasswords ? 'CustomerDrafts WITH random passwords: a secret' : 'CustomerDrafts, no passwords (importCustomers adds them)' },
            { name: 'accounts.csv', path: '', records: 0, containsPasswords: false, what: 'decision per account' },
          ]
        : [
            { name: 'neto-import.csv', path: '', records: 0, containsPasswords: true, what: 'Neto customer import: holds working passwords' },
            { name: 'neto-emails.csv', path: '', records: 0, containsPasswords: resetMode === 'temporary-password', what: resetMode === 'temporary-password' ? 'e-mail list with temporary passwords' : 'e-mail list with the reset link' },
            { name: 'neto-report.csv', path: '', records: 0, containsPasswords: false, what: 'rows that do not fit Neto, with suggestions' },
          ];
    prepareDir(dir, files, input, values.force === true);
    const progress = Progress.for(ctx.stderr, values.quiet === true, 'planning', input.size);

    let summary: CommercetoolsPlanSummary | NetoPlanSummary;
    let source: { info: SourceInfo; cols: Columns } | undefined;
    try {
      for (const f of files) f.stream = createSecretFile(f.path, values.force === true);
      const counting = (f: OutFile) => (chunk: string) => {
        f.records++;
        return write(f.stream!, chunk);
      };
      const rows = new RowFeed(input, { format: inputFormat, delimiter, header, looksLikeData: looksLikeHash }, (info, sample) =>
        resolveColumns(
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
        ),
      );
      source = await rows.started();
      const columns = rows.columnMap();
      const decide = { ...(platform !== undefined ? { platform } : {}), ...(pepper !== undefined ? { pepper } : {}) };
      let n = 0;
      const tick = () => progress.update(++n, input.bytesRead());

      if (target === 'commercetools') {
        const [drafts, accounts] = files as [OutFile, OutFile];
        await write(accounts.stream!, csvLine(['line', 'id', 'email', 'decision', 'reason', 'scheme', 'draft'], 'apostrophe'));
        summary = await planCommercetools(rows.rows(), {
          ...decide,
          columns,
          out: counting(drafts),
          ...(values['wrap-hashes'] ? { wrapHashes: true } : {}),
          includePasswords,
          onAccount: (r) => {
            tick();
            accounts.records++;
            const d = r.decision;
            return write(
              accounts.stream!,
              csvLine([rows.line, r.account.id ?? '', r.account.email ?? '', d.action, reasonOf(d), schemeOf(d), r.draft ? 'written' : (r.skipped ?? '')], 'apostrophe'),
            );
          },
        });
      } else {
        const [imp, emails, report] = files as [OutFile, OutFile, OutFile];
        // The header lines are counted by the sinks; subtract them below.
        summary = await planNeto(rows.rows(), {
          ...decide,
          columns,
          importCsv: counting(imp),
          emailCsv: counting(emails),
          reportCsv: counting(report),
          resetMode,
          ...(resetLink !== undefined ? { shopDomain: values['shop-domain']! } : {}),
          md5CarryOver: values['md5-carry-over'] === true,
          ...(usernameMax !== undefined ? { maxLength: usernameMax } : {}),
          onInvalidUsername: values['fix-usernames'] ? 'suggest' : 'skip',
          onAccount: () => tick(),
        });
        for (const f of files) f.records = Math.max(0, f.records - 1);
      }
      progress.done();
      for (const f of files) await finish(f.stream!);
    } catch (e) {
      progress.done();
      input.stream.destroy();
      for (const f of files) {
        f.stream?.destroy();
        if (f.stream) rmSync(f.path, { force: true });
      }
      throw e;
    } finally {
      pepper?.fill(0);
    }

    const { info, cols } = source;
    const doc = {
      schemaVersion: 1 as const,
      tool: { name: 'legacy-hash' as const, version: ctx.version },
      target,
      input: {
        source: input.name,
        format: info.format,
        delimiter: info.delimiter ?? null,
        header: info.header !== null && (info.format === 'csv' || info.format === 'tsv'),
        columns: {
          hash: columnName(info, cols.hash) ?? '',
          salt: columnName(info, cols.salt),
          username: columnName(info, cols.username),
          email: columnName(info, cols.email),
          id: columnName(info, cols.id),
        },
        platform: platform ?? null,
        pepper: pepper !== undefined,
      },
      options:
        target === 'commercetools'
          ? { includePasswords, wrapHashes: values['wrap-hashes'] === true }
          : { resetMode, resetLink: resetLink ?? null, md5CarryOver: values['md5-carry-over'] === true, usernameMax: usernameMax ?? NETO_USERNAME_MAX, fixUsernames: values['fix-usernames'] === true },
      summary,
      reasons: reasonList(summary),
      files: files.map((f) => ({ name: f.name, path: f.path, records: f.records, mode: '0600', containsPasswords: f.containsPasswords })),
    };
    if (values.json) {
      ctx.stdout.write(JSON.stringify(doc, null, 2) + '\n');
      return EXIT.OK;
    }
    const flag = values.color ? true : values['no-color'] ? false : undefined;
    const st = style(colorEnabled(ctx.stdout, ctx.env, flag));
    ctx.stdout.write(renderText(doc, files, st));
    return EXIT.OK;
  },
};

function reasonOf(d: AccountDecision): string {
  return d.action === 'reset' ? d.reason : '';
}

function schemeOf(d: AccountDecision): string {
  return d.action === 'reset' ? (d.scheme ?? '') : d.scheme;
}

function reasonList(s: AuditSummary): { reason: ResetReason; count: number; text: string }[] {
  return (Object.entries(s.byReason) as [ResetReason, number][])
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => ({ reason, count, text: REASON_TEXT[reason] ?? reason }));
}

interface PlanDoc {
  target: Target;
  input: { source: string; platform: string | null; pepper: boolean };
  options: Record<string, unknown>;
  summary: CommercetoolsPlanSummary | NetoPlanSummary;
  reasons: { reason: string; count: number; text: string }[];
}

function renderText(doc: PlanDoc, files: OutFile[], st: Style): string {
  const s = doc.summary;
  const total = s.total;
  const out: string[] = [];
  const title = doc.target === 'commercetools' ? 'commercetools' : 'Neto';
  out.push(st.bold(`Migration plan for ${title}: ${num(total)} account${total === 1 ? '' : 's'} from ${clean(doc.input.source)}`), '');
  const rows: string[][] = [];
  if (doc.target === 'commercetools') {
    rows.push([st.green('gradual'), num(s.gradual), pct(s.gradual, total), 'old hash imported; password checked at first login, then replaced']);
  } else {
    rows.push([st.green('carry-over'), num(s.carryOver), pct(s.carryOver, total), 'unsalted MD5 imported; the customer keeps the password']);
  }
  const netoAccess = doc.options.resetMode === 'reset-link' ? `reset link ${String(doc.options.resetLink)}` : 'temporary password (neto-emails.csv)';
  rows.push([st.yellow('reset'), num(s.reset), pct(s.reset, total), doc.target === 'commercetools' ? 'no hash imported: "forgot password"' : netoAccess]);
  out.push(table([{ title: 'decision' }, { title: 'accounts', align: 'right' }, { title: 'share', align: 'right' }, { title: '' }], rows, st));
  if (doc.reasons.length) {
    out.push('', st.bold('Why a reset'));
    out.push(table([{ title: 'reason' }, { title: 'accounts', align: 'right' }, { title: '' }], doc.reasons.map((r) => [r.reason, num(r.count), r.text]), st));
  }
  const schemes = Object.entries(s.byScheme).sort((a, b) => b[1] - a[1]);
  if (schemes.length) {
    out.push('', `${st.bold(doc.target === 'commercetools' ? 'Gradual, by scheme' : 'Carry-over, by scheme')}: ${schemes.map(([k, v]) => `${k} ${num(v)}`).join(', ')}`);
  }
  out.push('');
  if (doc.target === 'commercetools') {
    const c = s as CommercetoolsPlanSummary;
    out.push(
      `Drafts: ${num(c.drafts)} written; skipped: ${num(c.skipped.noEmail)} without e-mail, ${num(c.skipped.duplicateEmail)} duplicate e-mail, ${num(c.skipped.invalidEmail)} invalid e-mail.`,
    );
    out.push(
      doc.options.includePasswords
        ? st.yellow('Drafts include random passwords (--include-passwords): treat customers.jsonl as a secret.')
        : 'Drafts hold no passwords: importCustomers() adds a random one per customer as it sends it.',
    );
    if (doc.options.wrapHashes) out.push('Hashes are wrapped in argon2id (--wrap-hashes); verify() at login is unchanged.');
  } else {
    const n = s as NetoPlanSummary;
    out.push(
      `Imported: ${num(n.imported)} (${num(n.access.temporaryPassword)} temporary password, ${num(n.access.resetLink)} reset link, ${num(n.access.carryOver)} carry-over); skipped: ${num(n.skipped)}; renamed: ${num(n.renamed)}.`,
    );
    const problems = Object.entries(n.problems);
    if (problems.length) out.push(`Row problems (neto-report.csv): ${problems.map(([k, v]) => `${k} ${num(v!)}`).join(', ')}.`);
    if (n.skipped > 0 && !doc.options.fixUsernames) out.push('Skipped rows are listed in neto-report.csv; --fix-usernames imports those with a username problem under the suggested one.');
    if (doc.options.md5CarryOver) out.push(st.yellow('MD5 carry-over uses a field Neto marks deprecated: import one test account and log in with it first.'));
  }
  out.push('', st.bold('Files') + ' (mode 0600)');
  out.push(table([{ title: 'file' }, { title: 'records', align: 'right' }, { title: '' }], files.map((f) => [clean(f.path), num(f.records), f.what]), st));
  if (files.some((f) => f.containsPasswords)) out.push('', st.yellow('Files holding passwords: keep them off shared drives and delete them once imported/sent.'));
  return out.join('\n') + '\n';
}

/** Creates DIR (0700) and refuses existing files unless --force; fills in each file's path. */
function prepareDir(dir: string, files: OutFile[], input: Input, force: boolean): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new UsageError(`--out ${dir}: cannot create the directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const existing: string[] = [];
  for (const f of files) {
    f.path = join(dir, f.name);
    if (input.name !== '-' && resolve(f.path) === resolve(input.name)) throw new UsageError(`--out ${dir}: ${f.name} is the input file`);
    let exists = false;
    try {
      const st = lstatSync(f.path);
      exists = true;
      if (st.isDirectory()) throw new UsageError(`--out ${dir}: ${f.name} is a directory`);
    } catch (e) {
      if (e instanceof UsageError) throw e;
    }
    if (exists) existing.push(f.path);
  }
  if (existing.length && !force) {
    throw new UsageError(`refusing to overwrite ${existing.join(', ')} (use --force, or another --out)`);
  }
}

/**
 * A new file, mode 0600, created exclusively (O_EXCL: never through a planted symlink). With
 * --force an existing file is removed first, so the new one gets the mode too.
 */
function createSecretFile(path: string, force: boolean): Writable {
  if (force) rmSync(path, { force: true });
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    fchmodSync(fd, 0o600); // whatever the umask
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(code === 'EEXIST' ? `refusing to overwrite ${path} (use --force)` : `cannot create ${path} (${code})`);
  }
  return createWriteStream('', { fd });
}

/**
 * Turns readRecords' push (one batch per chunk) into the pull the kits want (an async iterable
 * of row objects). One batch at a time: readRecords waits until the batch has been consumed.
 * Row objects are keyed by column name (header, JSON keys, else `#N`); the columns resolved by
 * the shared column options are given to the kit explicitly, names and `migrated` by alias.
 */
class RowFeed {
  /** Line of the row the kit is processing now. */
  line = 0;
  private keys: string[] = [];
  private cols: Columns | undefined;
  private info: SourceInfo | undefined;
  private readonly queue: { batch: RecordBatch; done: () => void }[] = [];
  private wake: (() => void) | undefined;
  private ended = false;
  private error: unknown;
  private readonly start: Promise<{ info: SourceInfo; cols: Columns }>;

  constructor(input: Input, options: RecordsOptions, columns: (info: SourceInfo, sample: string[][]) => Columns) {
    let ok!: (v: { info: SourceInfo; cols: Columns }) => void;
    let fail!: (e: unknown) => void;
    this.start = new Promise((res, rej) => {
      ok = res;
      fail = rej;
    });
    readRecords(
      input.stream,
      options,
      (info, sample) => {
        this.info = info;
        this.cols = columns(info, sample);
        const width = Math.max(info.columns, info.header?.length ?? 0);
        const seen = new Set<string>();
        for (let i = 0; i < width; i++) {
          let k = info.header?.[i] ?? `#${i + 1}`;
          if (k === '' || seen.has(k)) k = `#${i + 1}`;
          seen.add(k);
          this.keys.push(k);
        }
        ok({ info, cols: this.cols });
      },
      (batch) =>
        new Promise<void>((done) => {
          this.queue.push({ batch, done });
          this.wake?.();
        }),
    ).then(
      () => this.end(),
      (e) => {
        fail(e);
        this.end(e);
      },
    );
  }

  started(): Promise<{ info: SourceInfo; cols: Columns }> {
    return this.start;
  }

  private end(e?: unknown): void {
    this.ended = true;
    if (e !== undefined) this.error = e;
    this.wake?.();
  }

  /** The kit's ColumnMap: resolved columns by name; an absent column can never match. */
  columnMap(): ColumnMap {
    const NONE = '\u0000none';
    const key = (i: number) => (i >= 0 && i < this.keys.length ? this.keys[i]! : NONE);
    const c = this.cols!;
    return { hash: key(c.hash), salt: key(c.salt), username: key(c.username), email: key(c.email), id: key(c.id) };
  }

  async *rows(): AsyncGenerator<Record<string, string>> {
    const keys = this.keys;
    for (;;) {
      const item = this.queue.shift();
      if (!item) {
        if (this.ended) {
          if (this.error !== undefined) throw this.error;
          return;
        }
        await new Promise<void>((r) => (this.wake = r));
        this.wake = undefined;
        continue;
      }
      const { rows, lines } = item.batch;
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const obj: Record<string, string> = {};
        for (let j = 0; j < keys.length; j++) obj[keys[j]!] = r[j] ?? '';
        this.line = lines[i]!;
        yield obj;
      }
      item.done();
    }
  }
}
