/**
 * Cases where a platform's own verifier and legacy-hash deliberately differ, or where the
 * platform rejects a string: each decision is documented (README, docs/) and pinned here.
 * The reference facts are from scripts/vectors/README.md ("deliberately not written as vectors").
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LegacyHashError, shutdownPool, verify } from '../src/index.js';

afterAll(() => shutdownPool());

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));

async function outcome(p: Promise<boolean>): Promise<boolean | string> {
  return p.catch((e: unknown) => (e instanceof LegacyHashError ? e.code : 'other'));
}

describe('bcrypt $2a$ readings', () => {
  // \xff\xff\xa3: PHP (crypt_blowfish countermeasure) says no, pyca/OpenBSD say yes.
  const correct = '$2a$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e';
  const safety = '$2a$05$/OK.fbVrR/bpIqNJ5ianF.nqd1wy.pTMdcvrRWxyiGL2eMz.2a85.';
  const pw = bytes('ffffa3');

  it('accepts either writer by default (neither reading lets distinct passwords collide)', async () => {
    expect(await verify(pw, correct)).toBe(true);
    expect(await verify(pw, safety)).toBe(true);
  });

  it('params.bcrypt2a restricts to one writer', async () => {
    expect(await verify(pw, correct, { params: { bcrypt2a: 'crypt_blowfish' } })).toBe(false);
    expect(await verify(pw, safety, { params: { bcrypt2a: 'crypt_blowfish' } })).toBe(true);
    expect(await verify(pw, correct, { params: { bcrypt2a: 'openbsd' } })).toBe(true);
    expect(await verify(pw, safety, { params: { bcrypt2a: 'openbsd' } })).toBe(false);
  });

  it('never accepts the pre-2011 sign-extension bug for $2a$ unless asked', async () => {
    // \xa3 under $2x$ equals \xff\xff\xa3 (the bug's collision): the $2x$ string relabelled $2a$.
    const bugHash = '$2a$05$/OK.fbVrR/bpIqNJ5ianF.CE5elHaaO4EbggVDjb8P19RukzXSM3e';
    expect(await verify(bytes('a3'), bugHash)).toBe(false);
    expect(await verify(bytes('a3'), bugHash, { params: { bcryptSignExtensionBug: 1 } })).toBe(true);
  });
});

describe('platform rejections reported as errors', () => {
  it('passwords over 4096 bytes: platforms say false, we throw ERR_LIMIT_EXCEEDED (configurable)', async () => {
    const pw = 'a'.repeat(4097);
    expect(await outcome(verify(pw, '$P$946647711V1klyitUYhtB8Yw5DMA/w.'))).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('phpass count below 2^7: phpass returns "*0", we say malformed', async () => {
    expect(await outcome(verify('x', '$P$446647711V1klyitUYhtB8Yw5DMA/w.'))).toBe('ERR_MALFORMED_HASH');
  });

  it('Magento 2 bare version "3" can never verify in Magento: malformed', async () => {
    const h = 'ad36442d002c815602913876beb1d9958edb20f98d4e1152972afbf7f951bd64:abcdefghijklmnopqrstuvwxyzABCDEF:3';
    expect(await outcome(verify('Pässword1!', h))).toBe('ERR_MALFORMED_HASH');
  });
});

describe('hex case', () => {
  it('upper-case hex verifies (Magento itself compares case-sensitively; case carries no information)', async () => {
    expect(await verify('Pässword1!', '856CB394F5B634CFB2453E782DA663BF:Ab')).toBe(true);
    expect(await verify('Pässword1!', '856cb394f5b634cfb2453e782da663bf:Ab')).toBe(true);
  });
});
