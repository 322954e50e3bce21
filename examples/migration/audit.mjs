// Export audit: for every account, gradual migration (known scheme) or forced reset, and why.
// node examples/migration/audit.mjs [export.csv] [--target=neto]
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { auditAccounts, parseCsv } from 'legacy-hash/migration';

const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? fileURLToPath(new URL('./customers.csv', import.meta.url));
const target = process.argv.includes('--target=neto') ? 'neto' : 'lazy';

const summary = await auditAccounts(parseCsv(createReadStream(file)), {
  target,
  netoMd5CarryOver: target === 'neto',
  onAccount(account, d) {
    const what = d.action === 'reset' ? `reset (${d.reason}${d.scheme ? `, ${d.scheme}` : ''})` : `${d.action} (${d.scheme})`;
    console.log(`${(account.email ?? account.id ?? '?').padEnd(24)} ${what}`);
  },
});
console.log(JSON.stringify(summary, null, 2));
