/** The audit report for a terminal: short sections, aligned tables, colour when allowed. */
import { bar, clean, num, pct, table, type Style } from '../io/output.js';
import type { AmbiguousGroup, AuditReport, ProblemList, SchemeReport } from './audit.js';

const HINT: Record<string, string> = {
  salt: 'give the salt column with --salt-column',
  pepper: 'give the site secret with --pepper-file or $LEGACY_HASH_PEPPER',
  username: 'give the user-name column with --username-column',
};

export function renderText(r: AuditReport, st: Style, maxList = 20): string {
  const out: string[] = [];
  const read = r.rows.read;
  const cols = r.input.columns;
  const colText = (['hash', 'salt', 'username', 'email', 'id'] as const)
    .filter((k) => cols[k] !== null)
    .map((k) => `${k}=${clean(cols[k]!)}`)
    .join(' ');
  const fmt = r.input.format.toUpperCase() + (r.input.delimiter && r.input.format === 'csv' ? ` (delimiter ${JSON.stringify(r.input.delimiter)})` : '');
  out.push(st.bold(`legacy-hash audit: ${clean(r.input.source)}`));
  out.push(st.dim(`  ${fmt}, ${r.input.header ? 'header row' : 'no header'}; columns: ${colText}` +
    (r.input.platform ? `; platform ${r.input.platform}` : '') + (r.input.pepper ? '; pepper given' : '')));
  out.push('');

  out.push(st.bold('Rows'));
  const rowLines: string[][] = [
    ['read', num(read), ''],
    ['identified', num(r.rows.identified), pct(r.rows.identified, read)],
    ['  of which ambiguous', num(r.rows.ambiguous), pct(r.rows.ambiguous, read)],
    ['malformed', num(r.rows.malformed), pct(r.rows.malformed, read)],
    ['unknown format', num(r.rows.unknown), pct(r.rows.unknown, read)],
    ['empty hash', num(r.rows.empty), pct(r.rows.empty, read)],
  ];
  out.push(table([{ title: '' }, { title: 'rows', align: 'right' }, { title: 'share', align: 'right' }], rowLines, st));
  out.push('');

  if (r.schemes.length) {
    out.push(st.bold('Schemes'));
    out.push(
      table(
        [
          { title: 'scheme' },
          { title: 'rows', align: 'right' },
          { title: 'share', align: 'right' },
          { title: 'gradual', align: 'right' },
          { title: 'reset', align: 'right' },
          { title: 'parameters' },
        ],
        r.schemes.map((s) => [st.cyan(s.id), num(s.count), pct(s.count, read), num(s.gradual), s.reset ? st.yellow(num(s.reset)) : '0', params(s)]),
        st,
      ),
    );
    out.push('');
  }

  const missing = r.schemes.flatMap((s) => Object.entries(s.missing).map(([input, n]) => ({ s, input, n: n ?? 0 })));
  const over = r.schemes.filter((s) => s.overLimit > 0);
  if (missing.length || over.length) {
    out.push(st.bold('Missing inputs'));
    for (const m of missing) {
      out.push(`  ${st.cyan(m.s.id)}: ${st.yellow(num(m.n))} row(s) need the ${m.input}: ${HINT[m.input] ?? ''}`);
    }
    for (const s of over) {
      out.push(`  ${st.cyan(s.id)}: ${st.yellow(num(s.overLimit))} row(s) ask for costs above the default limits (raise them with setDefaultLimits to verify these)`);
    }
    out.push('');
  }

  if (r.ambiguous.length) {
    out.push(st.bold('Ambiguous rows') + st.dim(' (the string fits several schemes; verify() tries them in this order)'));
    out.push(
      table(
        [{ title: 'rows', align: 'right' }, { title: 'resolved as' }, { title: 'also fits' }, { title: 'not tried without' }, { title: 'lines' }],
        r.ambiguous.slice(0, maxList).map((g) => [num(g.count), st.cyan(g.resolvedAs), short(g.candidates.slice(1), 4), compactNote(g), lines(g.lines, g.count)]),
        st,
      ),
    );
    out.push(st.dim('  (the other fits that need nothing more are tried too at login; details in --json / --html)'));
    if (r.ambiguous.length > maxList) out.push(st.dim(`  … ${r.ambiguous.length - maxList} more groups (see --json)`));
    out.push('');
  }

  problems(out, 'Malformed rows', r.problems.malformed, st, maxList);
  problems(out, 'Unknown format', r.problems.unknown, st, maxList);
  problems(out, 'Empty hash', r.problems.empty, st, maxList);

  if (r.duplicates.groups) {
    out.push(st.bold('Identical hashes') + st.dim(' (accounts sharing a password; in salted formats also a copied salt)'));
    out.push(
      table(
        [{ title: 'scheme' }, { title: 'groups', align: 'right' }, { title: 'accounts', align: 'right' }, { title: 'largest', align: 'right' }],
        r.duplicates.perScheme.map((d) => [st.cyan(d.scheme), num(d.groups), num(d.accounts), num(d.largest)]),
        st,
      ),
    );
    const ex = r.duplicates.examples.slice(0, 5);
    if (ex.length) {
      out.push(st.dim('  largest: ') + ex.map((e) => `${e.hash} ×${e.count} (lines ${lines(e.lines, e.count)})`).join(st.dim('; ')));
    }
    out.push('');
  }

  const v = r.verdict;
  out.push(st.bold('Migration verdict'));
  const w = 30;
  out.push(
    table(
      [{ title: '' }, { title: 'accounts', align: 'right' }, { title: 'share', align: 'right' }, { title: '' }],
      [
        [st.green('gradual') + '  verify at next login, then rehash', num(v.gradual), pct(v.gradual, read), st.green(bar(read ? v.gradual / read : 0, w))],
        [st.yellow('reset') + '    force a password reset', num(v.reset), pct(v.reset, read), st.yellow(bar(read ? v.reset / read : 0, w))],
      ],
      st,
    ),
  );
  for (const reason of v.reasons) out.push(`    ${st.dim('-')} ${reason.reason}: ${num(reason.count)}`);
  for (const u of v.uncertain) {
    out.push(st.dim(`    ${num(u.count)} gradual rows also fit a scheme that needs the ${u.input} (not given): if that reading is right, those logins fail until you supply it`));
  }
  if (v.resetWithoutEmail) out.push(st.yellow(`    ${num(v.resetWithoutEmail)} of the reset accounts have no e-mail address to send a reset link to`));
  out.push('');
  out.push(st.dim(`${num(read)} rows in ${r.stats.seconds.toFixed(2)} s (${num(r.stats.rowsPerSecond)} rows/s)`));
  return out.join('\n') + '\n';
}

function params(s: SchemeReport): string {
  const keys = Object.keys(s.parameters).sort((a, b) => rankKey(s, a) - rankKey(s, b));
  return keys
    .map((k) => {
      const vals = s.parameters[k]!;
      const shown = vals.slice(0, 6).map((v) => `${clean(v.value)} ×${num(v.count)}`);
      if (vals.length > 6) shown.push('…');
      return `${k}: ${shown.join(', ')}`;
    })
    .join('; ');
}

function rankKey(s: SchemeReport, k: string): number {
  const i = s.costParameters.indexOf(k);
  return i >= 0 ? i : 100;
}

function lines(list: number[], count: number): string {
  return list.join(', ') + (count > list.length ? ', …' : '');
}

function problems(out: string[], title: string, p: ProblemList, st: Style, maxList: number): void {
  if (!p.count) return;
  out.push(st.bold(`${title} (${num(p.count)})`));
  const rows = p.rows.slice(0, maxList);
  const hasId = rows.some((r) => r.id !== undefined);
  out.push(
    table(
      [{ title: 'line', align: 'right' }, ...(hasId ? [{ title: 'id' }] : []), { title: 'hash (redacted)' }, { title: 'reason' }],
      rows.map((r) => [String(r.line), ...(hasId ? [clean(r.id ?? '')] : []), clean(r.hash), clean(r.reason)]),
      st,
    ),
  );
  if (p.count > rows.length) out.push(st.dim(`  … ${num(p.count - rows.length)} more (--max-examples, --json, or --rows FILE for all)`));
  out.push('');
}

function short(list: string[], n: number): string {
  return list.slice(0, n).join(', ') + (list.length > n ? `, +${list.length - n}` : '');
}

/** Inputs the skipped alternatives need, e.g. "pepper (prestashop), salt (vbulletin, +3)". */
function compactNote(g: AmbiguousGroup): string {
  const by = new Map<string, string[]>();
  for (const n of g.notTried) for (const need of n.needs) by.set(need, [...(by.get(need) ?? []), n.scheme]);
  return [...by].map(([need, list]) => `${need} (${short(list, 2)})`).join(', ');
}
