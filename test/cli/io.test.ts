/** Unit tests of the CLI's streaming reader and redaction (imported from source, no build needed). */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecords, sniffDelimiter, splitLine, type SourceInfo } from '../../src/cli/io/records.js';
import { redact } from '../../src/cli/io/redact.js';

async function readAll(text: string, chunk = 7, options = {}): Promise<{ info: SourceInfo; rows: string[][]; lines: number[] }> {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += chunk) parts.push(text.slice(i, i + chunk));
  const rows: string[][] = [];
  const lines: number[] = [];
  const info = await readRecords(
    Readable.from(parts.map((p) => Buffer.from(p))),
    options,
    () => {},
    (b) => {
      rows.push(...b.rows);
      lines.push(...b.lines);
    },
  );
  return { info, rows, lines };
}

describe('record reader', () => {
  it('splits RFC 4180 fields: quotes, doubled quotes, empty trailing field', () => {
    expect(splitLine('a,"b,c","say ""hi""",', ',')).toEqual(['a', 'b,c', 'say "hi"', '']);
    expect(splitLine('"open', ',')).toBeNull();
    expect(splitLine('x;y', ';')).toEqual(['x', 'y']);
  });

  it('sniffs the delimiter from consistent field counts', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(sniffDelimiter('"x,y";b;c\n1;2;3\n')).toBe(';');
    expect(sniffDelimiter('onlyone\nvalue\n')).toBe(',');
  });

  it('streams across arbitrary chunk boundaries: BOM, CRLF, quoted line breaks, line numbers', async () => {
    const text = '\ufeffid,hash\r\n1,"a\r\nb"\r\n\r\n2,"x,""y"""\r\n3,last';
    for (const chunk of [1, 2, 3, 5, 64]) {
      const r = await readAll(text, chunk);
      expect(r.info.header).toEqual(['id', 'hash']);
      expect(r.rows).toEqual([
        ['1', 'a\r\nb'],
        ['2', 'x,"y"'],
        ['3', 'last'],
      ]);
      expect(r.lines).toEqual([2, 5, 6]);
    }
  });

  it('header auto-detection: names vs. data, and forced either way', async () => {
    expect((await readAll('$P$946647711V1klyitUYhtB8Yw5DMA/w.\n', 64, { looksLikeData: (v: string) => v.startsWith('$') })).info.header).toBeNull();
    expect((await readAll('password_hash\nx\n')).info.header).toEqual(['password_hash']);
    expect((await readAll('foo,bar\n1,2\n')).info.header).toBeNull(); // no known column word
    const forced = await readAll('foo,bar\n1,2\n', 64, { header: true });
    expect(forced.info.header).toEqual(['foo', 'bar']);
    expect(forced.rows).toEqual([['1', '2']]);
    const none = await readAll('hash\nx\n', 64, { header: false });
    expect(none.rows).toEqual([['hash'], ['x']]);
  });

  it('JSON Lines and JSON arrays: keys become columns, values stringified, chunked', async () => {
    const jsonl = '{"id":1,"hash":"a"}\n\n{"hash":"b","id":2,"extra":null}\n';
    const a = await readAll(jsonl, 3);
    expect(a.info.format).toBe('jsonl');
    // Keys of the objects in the first 64 KiB become the columns.
    expect(a.info.header).toEqual(['id', 'hash', 'extra']);
    expect(a.rows).toEqual([
      ['1', 'a', ''],
      ['2', 'b', ''],
    ]);
    expect(a.lines).toEqual([1, 3]);
    const arr = '[\n {"id": 1, "hash": "x\\"]}"},\n {"id": 2, "hash": "y"}\n]\n';
    const b = await readAll(arr, 4);
    expect(b.info.format).toBe('json');
    expect(b.rows).toEqual([
      ['1', 'x"]}'],
      ['2', 'y'],
    ]);
    expect(b.lines).toEqual([2, 3]);
    await expect(readAll('[{"a":1}', 4)).rejects.toThrow(/truncated/);
    await expect(readAll('{"a":1}\nnot json\n', 4)).rejects.toThrow(/line 2/);
  });

  it('an unterminated quote is an input error with its line, not a hang or a silent swallow', async () => {
    await expect(readAll('id,hash\n1,"open\n2,x\n', 64)).rejects.toThrow(/line 2/);
  });
});

describe('redact', () => {
  it.each([
    ['$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES', '$2y$10$…(60 chars)'],
    ['$wp$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES', '$wp$2y$10$…(63 chars)'],
    ['$P$946647711V1klyitUYhtB8Yw5DMA/w.', '$P$…(34 chars)'],
    ['$argon2id$v=19$m=65536,t=4,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG', '$argon2id$v=19$m=65536,t=4,p=1$…(75 chars)'],
    ['pbkdf2_sha256$260000$salt$hash=', 'pbkdf2_sha256$260000$…(31 chars)'],
    ['{SSHA}abcdefgh', '{SSHA}…(14 chars)'],
    ['57ab8499d08c59a7211c77f557bf9425:4247', '…:… (37 chars)'],
    ['ab5ebf8d273b085b6a60336198e0a5a2090fdc3e0606a678315c7274ab06e046:5PiKJRn28bBKoFMopMaaKuV47aJ6GzVg:3_32_2_67108864', '…:…:3_32_2_67108864 (113 chars)'],
    ['5F4DCC3B5AA765D61D8327DEB882CF99  ', '…(32 hex)'],
    ['', '(empty)'],
    ['*', '*…(1 char)'],
  ])('%s -> %s', (input, out) => {
    expect(redact(input)).toBe(out);
    expect(redact(input, true)).toBe(input.trim());
  });
});
