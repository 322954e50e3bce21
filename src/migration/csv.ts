/**
 * Minimal RFC 4180 CSV: a streaming reader (rows as objects keyed by the header) and a writer.
 *
 * Writer and spreadsheet formulas: a cell that starts with = + - @ (or tab/CR) is run as a
 * formula when a person opens the file in Excel/LibreOffice ("CSV injection"). Quoting does not
 * prevent that. `formulaEscape: 'apostrophe'` prefixes such cells with a single quote (OWASP's
 * advice) and is what the files meant for people (the e-mail list) use. Files meant for an
 * importer (the Neto import) keep values exactly (`'none'`), because an importer would store the
 * apostrophe as data; their generators report formula-like values instead.
 */

export type FormulaEscape = 'apostrophe' | 'none';

const FORMULA_START = /^[=+\-@\t\r]/;

export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

/** One CSV field: quoted when it holds a comma, quote, CR/LF, or leading/trailing space. */
export function csvField(value: unknown, formulaEscape: FormulaEscape = 'none'): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (formulaEscape === 'apostrophe' && isFormulaLike(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, CRLF-terminated (RFC 4180). */
export function csvLine(values: readonly unknown[], formulaEscape: FormulaEscape = 'none'): string {
  return values.map((v) => csvField(v, formulaEscape)).join(',') + '\r\n';
}

type Chunks = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

async function* chunksOf(input: Chunks): AsyncGenerator<string> {
  if (typeof input === 'string') {
    yield input;
    return;
  }
  const decoder = new TextDecoder('utf-8');
  if (input instanceof Uint8Array) {
    yield decoder.decode(input);
    return;
  }
  for await (const c of input as AsyncIterable<string | Uint8Array>) {
    yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Parses CSV into arrays of fields, streaming. Handles quotes, "" escapes, CRLF/LF, a BOM. */
export async function* parseCsvRecords(input: Chunks, options: { delimiter?: string } = {}): AsyncGenerator<string[]> {
  const delim = options.delimiter ?? ',';
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let quotePending = false; // saw a quote inside quotes: end of quoted part or an escaped quote
  let first = true;
  let any = false;
  for await (let chunk of chunksOf(input)) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = chunk.length === 0;
    }
    const out: string[][] = [];
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      any = true;
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (ch === '"') {
            field += '"';
            continue;
          }
          inQuotes = false; // fall through: ch is outside the quotes
        } else if (ch === '"') {
          quotePending = true;
          continue;
        } else {
          field += ch;
          continue;
        }
      }
      if (ch === '"' && field === '') inQuotes = true;
      else if (ch === delim) {
        record.push(field);
        field = '';
      } else if (ch === '\n') {
        record.push(field.endsWith('\r') ? field.slice(0, -1) : field);
        out.push(record);
        record = [];
        field = '';
        any = false;
      } else field += ch;
    }
    for (const r of out) yield r;
  }
  if (quotePending) inQuotes = false;
  if (inQuotes) throw new SyntaxError('CSV: unterminated quoted field');
  if (any || field !== '' || record.length > 0) {
    record.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield record;
  }
}

/**
 * Parses CSV with a header line into row objects, streaming. Blank lines are skipped; rows with
 * fewer fields get '' for the missing ones, extra fields are dropped.
 */
export async function* parseCsv(input: Chunks, options: { delimiter?: string } = {}): AsyncGenerator<Record<string, string>> {
  let header: string[] | undefined;
  for await (const rec of parseCsvRecords(input, options)) {
    if (rec.length === 1 && rec[0] === '') continue;
    if (!header) {
      header = rec.map((h) => h.trim());
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = rec[i] ?? '';
    });
    yield row;
  }
}

/** Where generated text goes: a function (awaited, for back-pressure). */
export type Sink = (chunk: string) => unknown;
