#!/usr/bin/env node
/**
 * The `legacy-hash` command line: dispatch, global --help/--version, exit codes, error
 * reporting. Commands live in src/cli/commands/ (one file each, listed in commands/index.ts).
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { rowCsv } from './commands/audit.js';
import { runAuditWorker, type WorkerInit } from './report/audit-pool.js';
import { LegacyHashError } from '../errors.js';
import { shutdownPool } from '../worker/pool.js';
import { EXIT, UsageError, type Context } from './command.js';
import { COMMANDS } from './commands/index.js';
import { InputError } from './io/records.js';
import { Interrupted } from './io/secrets.js';

function version(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'legacy-hash' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

function globalHelp(ctx: Context): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: ${ctx.prog} <command> [options]

Verify passwords against the hashes old shop, CMS and framework platforms stored, and audit
customer exports before a migration.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`).join('\n')}
  ${'help'.padEnd(w)}  show help for a command

Options:
  -h, --help     show help (also: ${ctx.prog} <command> --help)
  -V, --version  print the version

Examples:
  ${ctx.prog} audit examples/customers.csv
  ${ctx.prog} audit --html -o report.html export.csv
  ${ctx.prog} verify '$P$946647711V1klyitUYhtB8Yw5DMA/w.'
  ${ctx.prog} verify --batch --pepper-file examples/prestashop-cookie-key.txt examples/known-passwords.csv
  ${ctx.prog} identify '$2y$10$...'
  ${ctx.prog} plan --target commercetools --out ct/ examples/customers.csv
  ${ctx.prog} plan --target neto --reset-mode link --shop-domain shop.example --out neto/ export.csv
  ${ctx.prog} bench examples/customers.csv

Exit status:
  0  success (match / every hash identified / report or plan written / measured)
  1  negative answer (no match, unidentified hash, failed batch row, --fail-on-reset,
     a bench group that could not be measured)
  2  error (usage, unreadable input, malformed or unsupported hash, missing input)
  130 interrupted

Environment:
  NO_COLOR            disables colour; FORCE_COLOR=1 forces it
  LEGACY_HASH_PEPPER  site-wide secret (e.g. PrestaShop _COOKIE_KEY_) when no --pepper-file

Secrets are never taken as arguments: passwords come from a prompt or stdin, peppers from a
file or the environment. Reports redact hashes unless --show-hashes. Docs: docs/cli.md
`;
}

export async function main(argv: string[], ctx: Context): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') {
    (first === undefined ? ctx.stderr : ctx.stdout).write(globalHelp(ctx));
    return first === undefined ? EXIT.ERROR : EXIT.OK;
  }
  if (first === '-V' || first === '--version') {
    ctx.stdout.write(`${ctx.version}\n`);
    return EXIT.OK;
  }
  let name = first;
  let args = rest;
  if (first === 'help') {
    if (rest.length === 0) {
      ctx.stdout.write(globalHelp(ctx));
      return EXIT.OK;
    }
    name = rest[0]!;
    args = ['--help'];
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    const near = COMMANDS.find((c) => c.name.startsWith(name.slice(0, 2)));
    ctx.stderr.write(
      `${ctx.prog}: unknown command '${name}'${near ? ` (did you mean '${near.name}'?)` : ''}\nRun '${ctx.prog} --help' for the list.\n`,
    );
    return EXIT.ERROR;
  }
  try {
    return await cmd.run(args, ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.stderr.write(`${ctx.prog} ${cmd.name}: ${e.message}\nRun '${ctx.prog} ${cmd.name} --help' for usage.\n`);
      return EXIT.ERROR;
    }
    if (e instanceof Interrupted) return EXIT.INTERRUPTED;
    if (e instanceof InputError) {
      ctx.stderr.write(`${ctx.prog} ${cmd.name}: input ${e.message}\n`);
      return EXIT.ERROR;
    }
    if (e instanceof LegacyHashError) {
      ctx.stderr.write(`${ctx.prog} ${cmd.name}: ${e.code}: ${e.message}\n`);
      return EXIT.ERROR;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && typeof err.syscall === 'string') {
      ctx.stderr.write(`${ctx.prog} ${cmd.name}: ${err.syscall} ${err.path ?? ''} failed (${err.code})\n`);
      return EXIT.ERROR;
    }
    // An unexpected error's message may quote input (a row, a hash): only with LEGACY_HASH_DEBUG.
    ctx.stderr.write(`${ctx.prog} ${cmd.name}: internal error (set LEGACY_HASH_DEBUG=1 for details)\n`);
    if (ctx.env.LEGACY_HASH_DEBUG) ctx.stderr.write(`${err?.stack ?? String(e)}\n`);
    return EXIT.ERROR;
  }
}

function isEntry(): boolean {
  // Run only when executed as the bin (not when imported by tests or other code).
  const argv1 = process.argv[1] ?? '';
  return /(?:^|[\\/])(?:cli\.c?js|legacy-hash(?:\.c?js)?)$|[\\/]cli[\\/]index\.ts$/.test(argv1);
}

if (!isMainThread && (workerData as WorkerInit | undefined)?.legacyHashCli === 'audit-worker') {
  runAuditWorker(parentPort!, workerData as WorkerInit, rowCsv);
} else if (isMainThread && isEntry()) {
  // `| head` closes stdout early: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const ctx: Context = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    prog: 'legacy-hash',
    version: version(),
    entry: new URL(import.meta.url),
  };
  process.on('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(EXIT.INTERRUPTED);
  });
  main(process.argv.slice(2), ctx)
    .then(async (code) => {
      await shutdownPool();
      process.exitCode = code;
    })
    .catch((e) => {
      const detail = process.env['LEGACY_HASH_DEBUG'] && e instanceof Error ? `: ${e.stack ?? e.message}` : '';
      process.stderr.write(`legacy-hash: internal error${detail}\n`);
      process.exitCode = EXIT.ERROR;
    });
}
