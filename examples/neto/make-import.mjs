// Neto (Maropost Commerce Cloud) customer import from a legacy export:
//   neto-import.csv   the import spreadsheet (Username, Email Address, Password, ...)
//   neto-emails.csv   the companion list for the customer e-mail (temporary password or reset link)
//   neto-report.csv   rows that do not fit Neto's limits, with a suggested username
//
// node examples/neto/make-import.mjs [outdir] [--reset-link=www.myshop.com.au] [--md5-carry-over] [--suggest]
// Both CSVs hold working credentials: keep them private and delete them after the mailing.
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from 'legacy-hash/migration';
import { planNeto } from 'legacy-hash/neto';

const args = process.argv.slice(2);
const opt = (name) => args.find((a) => a.startsWith(`--${name}`))?.split('=')[1] ?? (args.includes(`--${name}`) ? true : undefined);
const outDir = args.find((a) => !a.startsWith('--')) ?? mkdtempSync(join(tmpdir(), 'neto-import-'));
mkdirSync(outDir, { recursive: true });

// A sink with back-pressure for planNeto.
function fileSink(path) {
  const stream = createWriteStream(path, { mode: 0o600 });
  const sink = async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  sink.close = () => new Promise((r) => stream.end(r));
  return sink;
}
const importCsv = fileSink(join(outDir, 'neto-import.csv'));
const emailCsv = fileSink(join(outDir, 'neto-emails.csv'));
const reportCsv = fileSink(join(outDir, 'neto-report.csv'));

const input = fileURLToPath(new URL('../migration/customers.csv', import.meta.url));
const resetLink = opt('reset-link');
const summary = await planNeto(parseCsv(createReadStream(input)), {
  importCsv,
  emailCsv,
  reportCsv,
  resetMode: resetLink ? 'reset-link' : 'temporary-password',
  ...(typeof resetLink === 'string' ? { shopDomain: resetLink } : {}),
  md5CarryOver: opt('md5-carry-over') === true,
  onInvalidUsername: opt('suggest') ? 'suggest' : 'skip',
});
await Promise.all([importCsv.close(), emailCsv.close(), reportCsv.close()]);

console.log(`written to ${outDir}: neto-import.csv, neto-emails.csv, neto-report.csv`);
console.log(JSON.stringify(summary, null, 2));
