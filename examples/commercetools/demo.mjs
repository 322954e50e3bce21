// The whole commercetools flow, locally: starts the fake commercetools API, creates the Custom
// Type, imports examples/migration/customers.csv, starts the login endpoint and logs customers in
// with their OLD passwords, showing the migration.   node examples/commercetools/demo.mjs
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApiRoot, ensureMigrationType, importCustomers, planCommercetools } from 'legacy-hash/commercetools';
import { parseCsv } from 'legacy-hash/migration';
import { shutdownPool } from 'legacy-hash';
import { startFakeCommercetools } from './fake-server.mjs';
import { createLoginServer } from './login-server.mjs';

const fake = await startFakeCommercetools({ projectKey: 'demo-project' });
console.log(`fake commercetools API on ${fake.url}`);
const apiRoot = await createApiRoot({
  projectKey: fake.projectKey,
  clientId: fake.clientId,
  clientSecret: fake.clientSecret,
  authUrl: fake.authUrl,
  apiUrl: fake.apiUrl,
});

console.log('custom type:', await ensureMigrationType(apiRoot));

// Plan: export rows -> CustomerDrafts (no passwords in them), then import (random passwords added).
const drafts = [];
const csv = fileURLToPath(new URL('../migration/customers.csv', import.meta.url));
const summary = await planCommercetools(parseCsv(createReadStream(csv)), {
  out: (line) => drafts.push(JSON.parse(line)),
  wrapHashes: { kdf: 'argon2id', memoryKiB: 19456, passes: 2, parallelism: 1 }, // hashes protected at rest
});
console.log('plan:', JSON.stringify({ total: summary.total, gradual: summary.gradual, reset: summary.reset, byScheme: summary.byScheme, byReason: summary.byReason }));
console.log('import:', JSON.stringify(await importCustomers(apiRoot, drafts)));

const server = createLoginServer({ apiRoot, onEvent: (e) => console.log('  event', JSON.stringify(e)) });
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const loginUrl = `http://127.0.0.1:${server.address().port}/login`;
const login = async (email, password) => {
  const r = await fetch(loginUrl, { method: 'POST', body: JSON.stringify({ email, password }) });
  return `${r.status} ${await r.text()}`;
};

const flag = (email) => {
  const c = [...fake.customers.values()].find((r) => r.customer.email === email).customer;
  return JSON.stringify(c.custom.fields, (k, v) => (typeof v === 'string' && v.length > 24 ? v.slice(0, 24) + '...' : v));
};

console.log('\nann (WordPress phpass), before:', flag('ann@example.com'));
console.log('ann, wrong password  ->', await login('ann@example.com', 'nope'));
console.log('ann, old password    ->', await login('ann@example.com', 'hashcat'));
console.log('ann, after:', flag('ann@example.com'));
console.log('ann, again           ->', await login('ann@example.com', 'hashcat'));

console.log('\nbob (MD5), two simultaneous first logins:');
const both = await Promise.all([login('bob@example.com', 'password'), login('bob@example.com', 'password')]);
for (const b of both) console.log('  ->', b);
console.log('bob, after:', flag('bob@example.com'));

console.log('\ndave (Magento 2 argon2id)  ->', await login('dave@example.com', 'Password@'));
console.log('frank (no hash: must reset) ->', await login('frank@example.com', 'anything'));

await new Promise((r) => server.close(r));
await fake.close();
await shutdownPool();
console.log('\ndemo done');
