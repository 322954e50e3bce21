/**
 * Static checks over scheme sources (src/algorithms/, src/formula/): schemes never compare
 * digests themselves. The shared constant-time comparison (src/core/compare.ts) is the only one.
 *
 * A line can be exempted with a trailing `// timing-safe: <reason>` comment (reviewed by hand).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SCHEME_DIRS = ['src/algorithms', 'src/formula'];
export const ALLOW_MARKER = 'timing-safe:';

/**
 * Reviewed exemptions kept here (for files whose owners have not added the marker): a line of
 * `file` containing `contains` is not reported. Each needs a reason: public data only.
 */
export const REVIEWED: readonly { file: string; contains: string; reason: string }[] = [
  {
    file: 'src/algorithms/mediawiki.ts',
    contains: 'toBase64(h) !== text',
    reason: 'parse(): canonical re-encoding of the stored text, no derived value involved',
  },
];

export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

/** Direct comparison primitives: only src/core/compare.ts may use them. */
const FORBIDDEN_CALLS: readonly [RegExp, string][] = [
  [/\btimingSafeEqual\b/, 'timingSafeEqual used directly (use the engine: derive returns bytes, the engine compares)'],
  [/\.equals\s*\(/, '.equals( (Buffer.equals is not constant-time)'],
  [/\bBuffer\.compare\b|\.compare\s*\(\s*\w/, 'Buffer.compare (not constant-time)'],
  [/\bconstantTimeEqual\b/, 'constantTimeEqual called from a scheme (the engine compares)'],
  [/\blocaleCompare\b/, 'localeCompare on digest text'],
];

/** Reading parsed.expected inside a scheme means it is about to compare itself. */
const READS_EXPECTED = /\b[A-Za-z_$][\w$]*(?:\?)?\.expected\b/;

/** Operands that look like digest values (not lengths, kinds, algorithm names or salts). */
const DIGESTY = /expected|derived|computed|digest|hash|hmac|\bmac\b|pbkdf2|scrypt|argon|crypt64|tohex|tobase64|encode\w*\(/i;
const NOT_DIGEST = /\.length\b|\.kind\b|\.alg\b|\.t\b|\.k\b|typeof|salt|\.name\b|\.type\b|\bmode\b|ident|prefix|layout|encoding|countOf|\.size\b/i;
const LITERAL = /^\s*(?:'[^']*'|"[^"]*"|`[^`]*`|-?\d[\d_.]*|null|undefined|true|false)\s*$/;

function leftOperand(text: string): string {
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ')' || c === ']') depth++;
    else if (c === '(' || c === '[') {
      if (depth === 0) return text.slice(i + 1);
      depth--;
    } else if (depth === 0) {
      if (',;?:{'.includes(c)) return text.slice(i + 1);
      if ((c === '&' || c === '|') && text[i - 1] === c) return text.slice(i + 1);
      if (c === '=' && text[i - 1] === ' ') return text.slice(i + 1);
      if (text.slice(0, i + 1).endsWith('return')) return text.slice(i + 1);
    }
  }
  return text;
}

function rightOperand(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') {
      if (depth === 0) return text.slice(0, i);
      depth--;
    } else if (depth === 0) {
      if (',;?:}'.includes(c)) return text.slice(0, i);
      if ((c === '&' || c === '|') && text[i + 1] === c) return text.slice(0, i);
    }
  }
  return text;
}

/** `a === b` where either side is digest-like and neither is a literal. */
export function digestEqualities(line: string): string[] {
  const code = line.replace(/\/\/.*$/, '');
  const out: string[] = [];
  const re = /[!=]==?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(code))) {
    if (m[0].length < 2) continue;
    // skip => arrows and assignment-like tokens
    if (code[m.index - 1] === '=' || code[m.index - 1] === '<' || code[m.index - 1] === '>') continue;
    const left = leftOperand(code.slice(0, m.index)).trim();
    const right = rightOperand(code.slice(m.index + m[0].length)).trim();
    if (LITERAL.test(left) || LITERAL.test(right)) continue;
    // A length, kind, salt or constant on either side: not a digest comparison.
    if ([left, right].some((side) => NOT_DIGEST.test(side) || /^[A-Z][A-Z0-9_]*(?:\[[^\]]*\])?$/.test(side))) continue;
    const suspicious = [left, right].some((side) => DIGESTY.test(side));
    if (suspicious) out.push(`${left} ${m[0]} ${right}`);
  }
  return out;
}

export function scanSource(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  source.split('\n').forEach((text, i) => {
    if (text.includes(ALLOW_MARKER)) return;
    if (REVIEWED.some((r) => file.endsWith(r.file) && text.includes(r.contains))) return;
    const trimmed = text.trim();
    if (trimmed.startsWith('*') || trimmed.startsWith('//') || trimmed.startsWith('/*')) return;
    const code = text.replace(/\/\/.*$/, '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
    for (const [re, rule] of FORBIDDEN_CALLS) if (re.test(code)) findings.push({ file, line: i + 1, rule, text: trimmed });
    // `expected: inner.expected` (a parser adopting a nested scheme's digest) is not a comparison.
    if (READS_EXPECTED.test(code.replace(/\bexpected\s*:\s*[\w$.?]+\.expected\b/g, ''))) {
      findings.push({ file, line: i + 1, rule: 'reads .expected (derive must not look at the stored digest)', text: trimmed });
    }
    for (const eq of digestEqualities(code)) {
      findings.push({ file, line: i + 1, rule: `=== / !== on digest-like values (${eq})`, text: trimmed });
    }
  });
  return findings;
}

export function schemeSourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of entries) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|mts|js|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of SCHEME_DIRS) walk(join(ROOT, d));
  return out.sort();
}

export function scanSchemeSources(): Finding[] {
  return schemeSourceFiles().flatMap((p) => scanSource(relative(ROOT, p), readFileSync(p, 'utf8')));
}
