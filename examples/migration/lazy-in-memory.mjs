// The generic gradual migration with an in-memory "new platform" that has versions.
// Replace login/loadLegacy/commitMigration with your platform's calls.
import { createLazyMigration } from 'legacy-hash/migration';
import { shutdownPool } from 'legacy-hash';

const accounts = new Map([
  // imported with a random password, the old phpass hash and migrated=false
  ['ann@example.com', { password: 'random-nobody-knows', version: 1, hash: '$P$946647711V1klyitUYhtB8Yw5DMA/w.', migrated: false }],
]);

const flow = createLazyMigration({
  async login(email, password) {
    const a = accounts.get(email);
    return a && a.password === password ? { ok: true, value: { email } } : { ok: false, reason: 'mismatch' };
  },
  async loadLegacy(email) {
    const a = accounts.get(email);
    return a ? { email, hash: a.hash, migrated: a.migrated, version: a.version } : null;
  },
  async commitMigration(record, password) {
    const a = accounts.get(record.email);
    if (a.version !== record.version) return 'conflict'; // optimistic concurrency
    Object.assign(a, { password, migrated: true, hash: undefined, version: a.version + 1 });
    return 'committed';
  },
  onEvent: (e) => console.log('event:', JSON.stringify(e)),
});

console.log('wrong password :', JSON.stringify(await flow.login('ann@example.com', 'nope')));
console.log('legacy password:', JSON.stringify(await flow.login('ann@example.com', 'hashcat')));
console.log('again          :', JSON.stringify(await flow.login('ann@example.com', 'hashcat')));
console.log('unknown account:', JSON.stringify(await flow.login('ghost@example.com', 'x')));
await shutdownPool();
