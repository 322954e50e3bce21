// The README's usage example, runnable: `npm run build && node examples/quickstart.mjs`.
// (In your project: import from 'legacy-hash'.)
import { identify, LegacyHashError, shutdownPool, verify, verifyDetailed, wrap } from '../dist/index.js';

// WordPress/WooCommerce 2.5-6.7 phpass (hashcat example, password "hashcat")
console.log(await verify('hashcat', '$P$946647711V1klyitUYhtB8Yw5DMA/w.')); // true
// WordPress 6.8+ ($wp$: bcrypt over HMAC-SHA384), wrong password
console.log(await verify('wrong', '$wp$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES')); // false
// Magento 2.4 argon2id with recorded parameters
const magento = 'ab5ebf8d273b085b6a60336198e0a5a2090fdc3e0606a678315c7274ab06e046:5PiKJRn28bBKoFMopMaaKuV47aJ6GzVg:3_32_2_67108864';
console.log(await verifyDetailed('Password@', magento)); // { match: true, scheme: 'magento2', ... }
// OpenCart 1.5.4-3.x: sha1(salt . sha1(salt . sha1(password))), salt in its own column
console.log(await verify('hashcat', '058c1c3773340c8563421e2b17e60eb7c916787e', { platform: 'opencart', salt: '827500576' })); // true
// What could have produced a string, and what it still needs
console.log(identify('$H$9...............................').length, identify('$P$946647711V1klyitUYhtB8Yw5DMA/w.')[0].scheme); // 0 phpass
// Wrap an unsalted MD5 in argon2id before importing it elsewhere; verify() still checks it
const wrapped = await wrap('5f4dcc3b5aa765d61d8327deb882cf99');
console.log(wrapped.slice(0, 40), await verify('password', wrapped)); // $lhw$1$argon2id$m=19456,t=2,p=1$... true
try {
  await verify('x', 'garbage');
} catch (e) {
  console.log(e instanceof LegacyHashError, e.code); // true ERR_UNKNOWN_FORMAT
}
await shutdownPool();
