/**
 * Streaming record reader for export files: CSV (any of , ; | TAB, auto-detected), TSV, JSON
 * Lines and JSON arrays of objects. Reads chunk by chunk and hands records to the caller in
 * batches (one batch per chunk), so memory stays bounded whatever the file size and the
 * per-row cost is a plain function call.
 *
 * CSV follows RFC 4180 (quoted fields, "" escapes, line breaks inside quotes) and is lenient
 * where exports are sloppy: CRLF or LF, a UTF-8 BOM, quotes in the middle of unquoted fields.
 * Every record carries the 1-based line number it starts on, so reports can point at it.
 */
import type { Readable } from 'node:stream';

export type InputFormat = 'csv' | 'tsv' | 'jsonl' | 'json';

export interface RecordsOptions {
  /** 'auto' (default) sniffs the first 64 KiB. */
  format?: InputFormat | 'auto';
  /** CSV delimiter; auto-detected when omitted. */
  delimiter?: string;
  /** true/false forces; undefined = auto (see `isHeaderRow`). */
  header?: boolean;
  /** Does this value look like data rather than a column name? Used by header auto-detection. */
  looksLikeData?: (value: string) => boolean;
  /** Longest record accepted (a runaway quote would otherwise swallow the file). */
  maxRecordChars?: number;
}

export interface RecordBatch {
  /** Field values, by column index. */
  rows: string[][];
  /** Line number each row starts on (1-based; for JSON arrays: the line the object starts on). */
  lines: number[];
}

export interface SourceInfo {
  format: InputFormat;
  /** CSV/TSV delimiter. */
  delimiter?: string;
  /** Column names: the header row, the JSON keys, or null for a CSV without header. */
  header: string[] | null;
  /** Number of columns of the first record. */
  columns: number;
}

export class InputError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line !== undefined ? `line ${line}: ${message}` : message);
    this.name = 'InputError';
  }
}

const SNIFF_BYTES = 64 * 1024;
const DELIMITERS = [',', '\t', ';', '|'];

/**
 * Reads `stream` and calls `onStart` once (format, header) then `onBatch` per chunk. Resolves
 * when the input ends. `onBatch` may return a promise (backpressure for the caller's output).
 */
export async function readRecords(
  stream: Readable,
  options: RecordsOptions,
  onStart: (info: SourceInfo, sample: string[][]) => void | Promise<void>,
  onBatch: (batch: RecordBatch) => void | Promise<void>,
): Promise<SourceInfo> {
  stream.setEncoding('utf8');
  let head = '';
  let parser: ChunkParser | undefined;
  let info: SourceInfo | undefined;

  const start = async (final: boolean): Promise<void> => {
    if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
    const format = options.format && options.format !== 'auto' ? options.format : sniffFormat(head);
    const maxRecord = options.maxRecordChars ?? 1 << 20;
    if (format === 'json' || format === 'jsonl') {
      parser = format === 'json' ? new JsonArrayParser(maxRecord) : new JsonLinesParser();
    } else {
      const delimiter = options.delimiter ?? (format === 'tsv' ? '\t' : sniffDelimiter(head));
      parser = new CsvParser(delimiter, maxRecord);
    }
    const first = parser.push(head, final);
    info = parser.describe(first, options);
    await onStart(info, first.rows.slice(0, 50));
    if (first.rows.length) await onBatch(first);
  };

  for await (const chunk of stream as AsyncIterable<string>) {
    if (!parser) {
      head += chunk;
      if (head.length < SNIFF_BYTES || (head.indexOf('\n') < 0 && head.length < 1 << 20)) continue;
      await start(false);
      continue;
    }
    const batch = parser.push(chunk, false);
    if (batch.rows.length) await onBatch(batch);
  }
  if (!parser) await start(true);
  else {
    const batch = parser.push('', true);
    if (batch.rows.length) await onBatch(batch);
  }
  return info!;
}

export function sniffFormat(head: string): InputFormat {
  const m = /\S/.exec(head);
  if (m && m[0] === '[') return 'json';
  if (m && m[0] === '{') return 'jsonl';
  return sniffDelimiter(head) === '\t' ? 'tsv' : 'csv';
}

/** The delimiter that splits the sampled lines into the same number (> 1) of fields most often. */
export function sniffDelimiter(head: string): string {
  const end = head.lastIndexOf('\n');
  const lines = (end > 0 ? head.slice(0, end) : head).split('\n', 50).map((l) => l.replace(/\r$/, ''));
  let best = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      if (line === '') continue;
      const fields = splitLine(line, d);
      if (!fields) continue;
      counts.set(fields.length, (counts.get(fields.length) ?? 0) + 1);
    }
    let mode = 1;
    let freq = 0;
    for (const [n, f] of counts) if (f > freq || (f === freq && n > mode)) [mode, freq] = [n, f];
    const score = mode > 1 ? freq * 1000 + mode : 0;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/**
 * Splits one complete CSV record (may span lines when quoted). null = ends inside a quoted
 * field (the record continues on the next line).
 */
export function splitLine(s: string, delim: string): string[] | null {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    if (s.charCodeAt(i) === 34 /* " */) {
      let buf = '';
      let j = i + 1;
      for (;;) {
        const k = s.indexOf('"', j);
        if (k < 0) return null;
        buf += s.slice(j, k);
        if (s.charCodeAt(k + 1) === 34) {
          buf += '"';
          j = k + 2;
          continue;
        }
        j = k + 1;
        break;
      }
      const d = s.indexOf(delim, j);
      // Lenient: text after the closing quote belongs to the field.
      out.push(d < 0 ? buf + s.slice(j) : buf + s.slice(j, d));
      if (d < 0) return out;
      i = d + delim.length;
    } else {
      const d = s.indexOf(delim, i);
      if (d < 0) {
        out.push(s.slice(i));
        return out;
      }
      out.push(s.slice(i, d));
      i = d + delim.length;
    }
    if (i >= n) {
      out.push('');
      return out;
    }
  }
}

interface ChunkParser {
  push(chunk: string, final: boolean): RecordBatch;
  describe(first: RecordBatch, options: RecordsOptions): SourceInfo;
}

/** Words that name columns of customer exports (normalised: lower case, letters and digits). */
const HEADER_WORDS =
  /^(id|userid|customerid|entityid|email|emailaddress|mail|username|user|login|userlogin|name|firstname|lastname|password|passwordhash|hash|salt|pass|passwd|pwd|userpass|created|createdat|platform)$/;

/** Is the first CSV record a header? Names, no hash-like values, and at least one known word. */
export function isHeaderRow(fields: string[], looksLikeData?: (v: string) => boolean): boolean {
  let known = false;
  for (const f of fields) {
    const v = f.trim();
    if (v === '') return false;
    if (looksLikeData?.(v)) return false;
    if (!/^[\p{L}_][\p{L}\p{N} _.\-()/#]{0,63}$/u.test(v)) return false;
    if (HEADER_WORDS.test(normalizeName(v))) known = true;
  }
  return known;
}

export function normalizeName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

class CsvParser implements ChunkParser {
  private pending = '';
  private line = 1;

  constructor(
    readonly delimiter: string,
    private readonly maxRecord: number,
  ) {}

  push(chunk: string, final: boolean): RecordBatch {
    const text = this.pending + chunk;
    const rows: string[][] = [];
    const lines: number[] = [];
    const d = this.delimiter;
    let pos = 0;
    const n = text.length;
    while (pos < n) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) break;
        nl = n;
      }
      let end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      let raw = text.slice(pos, end);
      const startLine = this.line;
      let next = nl + 1;
      let fields: string[] | null;
      if (raw.indexOf('"') < 0) {
        fields = raw.split(d);
      } else {
        fields = splitLine(raw, d);
        // A quoted field with line breaks: extend to the next line until the quote closes.
        let extra = 0;
        while (fields === null) {
          let nl2 = text.indexOf('\n', next);
          if (nl2 < 0 && !final) break;
          if (nl2 < 0) {
            if (next >= n) throw new InputError('unterminated quoted field', startLine);
            nl2 = n;
          }
          end = text.charCodeAt(nl2 - 1) === 13 ? nl2 - 1 : nl2;
          raw = text.slice(pos, end);
          if (raw.length > this.maxRecord) throw new InputError('record too long (unterminated quote?)', startLine);
          next = nl2 + 1;
          extra++;
          fields = splitLine(raw, d);
        }
        if (fields === null) break; // wait for more input
        this.line += extra;
      }
      this.line++;
      pos = next;
      if (raw === '') continue; // blank line
      if (!this.firstFields) this.firstFields = fields;
      rows.push(fields);
      lines.push(startLine);
    }
    this.pending = pos < n ? text.slice(pos) : '';
    if (this.pending.length > this.maxRecord) throw new InputError('record too long', this.line);
    return { rows, lines };
  }

  private firstFields: string[] | undefined;

  describe(first: RecordBatch, options: RecordsOptions): SourceInfo {
    // The first push ran before the header decision: decide now and drop the header row.
    const f = this.firstFields;
    let header: string[] | null = null;
    if (f) {
      const want = options.header ?? isHeaderRow(f, options.looksLikeData);
      if (want && first.rows[0] === f) {
        header = f.map((h) => h.trim());
        first.rows.shift();
        first.lines.shift();
      }
    }
    return {
      format: this.delimiter === '\t' ? 'tsv' : 'csv',
      delimiter: this.delimiter,
      header,
      columns: f?.length ?? 0,
    };
  }
}

/** Top-level keys of the first objects, in first-seen order. */
class KeyIndex {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  frozen = false;

  row(obj: unknown, line: number): string[] {
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      throw new InputError('expected a JSON object per record', line);
    }
    const out: string[] = new Array(this.keys.length).fill('');
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      let i = this.index.get(k);
      if (i === undefined) {
        if (this.frozen) continue;
        i = this.keys.length;
        this.keys.push(k);
        this.index.set(k, i);
      }
      out[i] = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    }
    return out;
  }
}

class JsonLinesParser implements ChunkParser {
  private pending = '';
  private line = 1;
  private readonly keys = new KeyIndex();

  push(chunk: string, final: boolean): RecordBatch {
    const text = this.pending + chunk;
    const rows: string[][] = [];
    const lines: number[] = [];
    let pos = 0;
    for (;;) {
      let nl = text.indexOf('\n', pos);
      if (nl < 0) {
        if (!final || pos >= text.length) break;
        nl = text.length;
      }
      const raw = text.slice(pos, nl).trim();
      const line = this.line++;
      pos = nl + 1;
      if (raw === '') continue;
      let obj: unknown;
      try {
        obj = JSON.parse(raw);
      } catch {
        throw new InputError('invalid JSON', line);
      }
      rows.push(this.keys.row(obj, line));
      lines.push(line);
    }
    this.pending = pos < text.length ? text.slice(pos) : '';
    return { rows, lines };
  }

  describe(first: RecordBatch): SourceInfo {
    this.keys.frozen = true;
    for (const r of first.rows) while (r.length < this.keys.keys.length) r.push('');
    return { format: 'jsonl', header: this.keys.keys, columns: this.keys.keys.length };
  }
}

/**
 * A JSON array of objects, `[ {...}, {...} ]`, read element by element: a small scanner tracks
 * strings and nesting depth and hands each complete top-level element to JSON.parse.
 */
class JsonArrayParser implements ChunkParser {
  private buf = '';
  private scan = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private elementStart = -1;
  private elementLine = 0;
  private line = 1;
  private opened = false;
  private readonly keys = new KeyIndex();

  constructor(private readonly maxRecord: number) {}

  push(chunk: string, final: boolean): RecordBatch {
    this.buf += chunk;
    const rows: string[][] = [];
    const lines: number[] = [];
    const s = this.buf;
    let i = this.scan;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 10) this.line++;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92) this.escaped = true;
        else if (c === 34) this.inString = false;
        continue;
      }
      if (c === 34) {
        this.inString = true;
        continue;
      }
      if (c === 91 /* [ */ || c === 123 /* { */) {
        if (this.depth === 0) {
          if (c !== 91) throw new InputError('expected a JSON array of objects', this.line);
          this.opened = true;
        } else if (this.depth === 1) {
          this.elementStart = i;
          this.elementLine = this.line;
        }
        this.depth++;
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        this.depth--;
        if (this.depth === 1 && this.elementStart >= 0) {
          let obj: unknown;
          try {
            obj = JSON.parse(s.slice(this.elementStart, i + 1));
          } catch {
            throw new InputError('invalid JSON', this.elementLine);
          }
          rows.push(this.keys.row(obj, this.elementLine));
          lines.push(this.elementLine);
          this.elementStart = -1;
        }
      }
    }
    // Keep only the unfinished element.
    if (this.elementStart >= 0) {
      this.buf = s.slice(this.elementStart);
      this.scan = this.buf.length;
      this.elementStart = 0;
      if (this.buf.length > this.maxRecord) throw new InputError('JSON element too long', this.elementLine);
    } else {
      this.buf = '';
      this.scan = 0;
    }
    if (final && (this.depth !== 0 || !this.opened)) throw new InputError('truncated JSON array', this.line);
    return { rows, lines };
  }

  describe(first: RecordBatch): SourceInfo {
    this.keys.frozen = true;
    for (const r of first.rows) while (r.length < this.keys.keys.length) r.push('');
    return { format: 'json', header: this.keys.keys, columns: this.keys.keys.length };
  }
}
