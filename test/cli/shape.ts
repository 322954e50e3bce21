/** A tiny structural validator for the CLI's JSON documents (no dependency). */
export type Shape =
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'any'
  | { array: Shape }
  | { oneOf: Shape[] }
  | { record: Shape }
  | { [key: string]: Shape };

/** Returns the list of violations (empty when `value` has `shape`). Extra object keys are allowed. */
export function check(value: unknown, shape: Shape, path = '$'): string[] {
  if (typeof shape === 'string') {
    if (shape === 'any') return [];
    const t = value === null ? 'null' : typeof value;
    return t === shape && !(shape === 'number' && !Number.isFinite(value)) ? [] : [`${path}: expected ${shape}, got ${t}`];
  }
  if ('array' in shape && Object.keys(shape).length === 1) {
    if (!Array.isArray(value)) return [`${path}: expected array`];
    return value.flatMap((v, i) => check(v, shape.array as Shape, `${path}[${i}]`));
  }
  if ('oneOf' in shape && Array.isArray(shape.oneOf)) {
    const options = shape.oneOf as Shape[];
    return options.some((s) => check(value, s, path).length === 0) ? [] : [`${path}: matches none of the alternatives`];
  }
  if ('record' in shape && Object.keys(shape).length === 1) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected object`];
    return Object.entries(value).flatMap(([k, v]) => check(v, shape.record as Shape, `${path}.${k}`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: expected object`];
  const obj = value as Record<string, unknown>;
  return Object.entries(shape).flatMap(([k, s]) => (k in obj ? check(obj[k], s as Shape, `${path}.${k}`) : [`${path}.${k}: missing`]));
}

const problemList: Shape = {
  count: 'number',
  truncated: 'boolean',
  rows: { array: { line: 'number', hash: 'string', reason: 'string' } },
};

/** The audit --json document, schemaVersion 1 (docs/cli.md). */
export const AUDIT_SHAPE: Shape = {
  schemaVersion: 'number',
  tool: { name: 'string', version: 'string' },
  input: {
    source: 'string',
    format: 'string',
    delimiter: { oneOf: ['string', 'null'] },
    header: 'boolean',
    columns: {
      hash: 'string',
      salt: { oneOf: ['string', 'null'] },
      username: { oneOf: ['string', 'null'] },
      email: { oneOf: ['string', 'null'] },
      id: { oneOf: ['string', 'null'] },
    },
    platform: { oneOf: ['string', 'null'] },
    pepper: 'boolean',
  },
  rows: { read: 'number', identified: 'number', ambiguous: 'number', malformed: 'number', unknown: 'number', empty: 'number' },
  schemes: {
    array: {
      id: 'string',
      title: 'string',
      family: 'string',
      count: 'number',
      share: 'number',
      gradual: 'number',
      reset: 'number',
      costParameters: { array: 'string' },
      parameters: { record: { array: { value: 'string', count: 'number' } } },
      missing: { record: 'number' },
      overLimit: 'number',
    },
  },
  ambiguous: {
    array: {
      candidates: { array: 'string' },
      resolvedAs: 'string',
      count: 'number',
      lines: { array: 'number' },
      alsoTried: { array: 'string' },
      notTried: { array: { scheme: 'string', needs: { array: 'string' } } },
      note: 'string',
    },
  },
  problems: { malformed: problemList, unknown: problemList, empty: problemList },
  duplicates: {
    groups: 'number',
    accounts: 'number',
    perScheme: { array: { scheme: 'string', groups: 'number', accounts: 'number', largest: 'number' } },
    examples: { array: { scheme: 'string', count: 'number', hash: 'string', lines: { array: 'number' } } },
  },
  verdict: {
    gradual: 'number',
    reset: 'number',
    gradualShare: 'number',
    reasons: { array: { reason: 'string', count: 'number' } },
    resetWithoutEmail: { oneOf: ['number', 'null'] },
    uncertain: { array: { input: 'string', count: 'number' } },
  },
  stats: { seconds: 'number', rowsPerSecond: 'number', cpuSeconds: 'number', peakRssBytes: 'number' },
};
