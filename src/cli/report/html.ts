/**
 * The audit report as one self-contained HTML page (no scripts, no external resources) for the
 * people deciding on the migration: headline verdict, charts drawn with CSS, the tables.
 */
import { esc, num, pct } from '../io/output.js';
import type { AuditReport, ProblemList } from './audit.js';

export function renderHtml(r: AuditReport): string {
  const read = r.rows.read;
  const v = r.verdict;
  const gradualDeg = read ? (360 * v.gradual) / read : 0;
  const maxScheme = Math.max(1, ...r.schemes.map((s) => s.count));

  const schemeRows = r.schemes
    .map(
      (s) => `<tr><td><code>${esc(s.id)}</code><div class="sub">${esc(s.title)}</div></td><td class="n">${num(s.count)}</td><td class="n">${pct(s.count, read)}</td>
<td class="chart"><div class="bar" style="width:${((100 * s.count) / maxScheme).toFixed(1)}%"></div></td><td class="n">${num(s.gradual)}</td><td class="n ${s.reset ? 'warn' : ''}">${num(s.reset)}</td></tr>`,
    )
    .join('\n');

  const paramBlocks = r.schemes
    .filter((s) => Object.keys(s.parameters).length)
    .map((s) => {
      const blocks = Object.entries(s.parameters)
        .sort(([a], [b]) => idx(s.costParameters, a) - idx(s.costParameters, b))
        .map(([k, vals]) => {
          const max = Math.max(1, ...vals.map((x) => x.count));
          const rows = vals
            .map(
              (x) =>
                `<tr><td><code>${esc(x.value)}</code></td><td class="chart"><div class="bar small" style="width:${((100 * x.count) / max).toFixed(1)}%"></div></td><td class="n">${num(x.count)}</td></tr>`,
            )
            .join('');
          return `<div class="hist"><h4>${esc(k)}${s.costParameters.includes(k) ? ' <span class="tag">cost</span>' : ''}</h4><table>${rows}</table></div>`;
        })
        .join('');
      return `<section class="card"><h3><code>${esc(s.id)}</code> parameters</h3><div class="hists">${blocks}</div></section>`;
    })
    .join('\n');

  const missing = r.schemes.flatMap((s) =>
    Object.entries(s.missing).map(([input, n]) => `<li><code>${esc(s.id)}</code>: ${num(n ?? 0)} rows need the <b>${esc(input)}</b></li>`),
  );
  for (const s of r.schemes) if (s.overLimit) missing.push(`<li><code>${esc(s.id)}</code>: ${num(s.overLimit)} rows ask for costs above the default limits</li>`);

  const ambiguous = r.ambiguous
    .map(
      (g) =>
        `<tr><td class="n">${num(g.count)}</td><td><code>${esc(g.resolvedAs)}</code></td><td>${g.candidates.map((c) => `<code>${esc(c)}</code>`).join(' &gt; ')}</td><td>${esc(g.note)}</td><td>${esc(g.lines.join(', '))}</td></tr>`,
    )
    .join('\n');

  const dupRows = r.duplicates.perScheme
    .map((d) => `<tr><td><code>${esc(d.scheme)}</code></td><td class="n">${num(d.groups)}</td><td class="n">${num(d.accounts)}</td><td class="n">${num(d.largest)}</td></tr>`)
    .join('\n');

  const reasons = v.reasons.map((x) => `<li>${esc(x.reason)}: <b>${num(x.count)}</b></li>`).join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Password hash audit: ${esc(r.input.source)}</title>
<style>
:root { --ok: #2e7d32; --warn: #ef6c00; --bad: #c62828; --ink: #1f2933; --muted: #66788a; --line: #e3e8ee; --accent: #3f6ad8; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #f6f8fa; }
main { max-width: 1100px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 0 0 12px; } h3 { font-size: 15px; margin: 0 0 8px; } h4 { font-size: 13px; margin: 0 0 4px; color: var(--muted); }
.meta, .sub { color: var(--muted); font-size: 13px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
.verdict { display: flex; gap: 32px; align-items: center; flex-wrap: wrap; }
.donut { width: 150px; height: 150px; border-radius: 50%; background: conic-gradient(var(--ok) 0deg ${gradualDeg.toFixed(2)}deg, var(--warn) ${gradualDeg.toFixed(2)}deg 360deg); position: relative; flex: none; }
.donut::after { content: ""; position: absolute; inset: 28px; background: #fff; border-radius: 50%; }
.big { font-size: 30px; font-weight: 700; } .ok { color: var(--ok); } .warn { color: var(--warn); } .bad { color: var(--bad); }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; }
.kpi { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; } .kpi b { display: block; font-size: 22px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.chart { width: 35%; } .bar { height: 14px; background: var(--accent); border-radius: 3px; min-width: 2px; } .bar.small { height: 10px; opacity: .8; }
.hists { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 16px; } .hist td { border: 0; padding: 2px 6px; }
.tag { background: #e8eefc; color: var(--accent); font-size: 11px; padding: 1px 6px; border-radius: 8px; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, monospace; }
ul { margin: 6px 0; padding-left: 20px; }
</style>
</head>
<body><main>
<h1>Password hash audit</h1>
<div class="meta">${esc(r.input.source)} · ${esc(r.input.format.toUpperCase())} · ${num(read)} rows · legacy-hash ${esc(r.tool.version)} · hashes redacted, no passwords involved</div>

<section class="card verdict">
<div class="donut" role="img" aria-label="${pct(v.gradual, read)} gradual"></div>
<div>
<h2>Migration verdict</h2>
<div><span class="big ok">${num(v.gradual)}</span> accounts (${pct(v.gradual, read)}) can migrate <b>gradually</b>: their password is verified at the next login and re-hashed with a modern scheme.</div>
<div><span class="big warn">${num(v.reset)}</span> accounts (${pct(v.reset, read)}) need a <b>forced password reset</b>:</div>
<ul>${reasons || '<li>none</li>'}</ul>
${v.resetWithoutEmail ? `<div class="warn">${num(v.resetWithoutEmail)} of them have no e-mail address to send a reset link to.</div>` : ''}
</div>
</section>

<div class="kpis">
<div class="kpi">rows read<b>${num(read)}</b></div>
<div class="kpi">identified<b>${num(r.rows.identified)}</b></div>
<div class="kpi">ambiguous<b>${num(r.rows.ambiguous)}</b></div>
<div class="kpi">malformed<b class="${r.rows.malformed ? 'bad' : ''}">${num(r.rows.malformed)}</b></div>
<div class="kpi">unknown<b class="${r.rows.unknown ? 'bad' : ''}">${num(r.rows.unknown)}</b></div>
<div class="kpi">empty<b class="${r.rows.empty ? 'bad' : ''}">${num(r.rows.empty)}</b></div>
<div class="kpi">shared hashes<b>${num(r.duplicates.accounts)}</b></div>
</div>

<section class="card"><h2>Schemes</h2>
<table><tr><th>scheme</th><th>rows</th><th>share</th><th></th><th>gradual</th><th>reset</th></tr>
${schemeRows}
</table></section>

${missing.length ? `<section class="card"><h2>Missing inputs</h2><ul>${missing.join('')}</ul></section>` : ''}

${paramBlocks}

${ambiguous ? `<section class="card"><h2>Ambiguous rows</h2><p class="sub">The stored string fits several schemes; verify() tries them in the order shown.</p>
<table><tr><th>rows</th><th>resolved as</th><th>candidates</th><th>others</th><th>example lines</th></tr>${ambiguous}</table></section>` : ''}

${problemSection('Malformed rows', r.problems.malformed)}
${problemSection('Unknown format', r.problems.unknown)}
${problemSection('Empty hash', r.problems.empty)}

${dupRows ? `<section class="card"><h2>Identical hashes</h2><p class="sub">Accounts sharing a password (in salted formats: also a copied salt).</p>
<table><tr><th>scheme</th><th>groups</th><th>accounts</th><th>largest</th></tr>${dupRows}</table></section>` : ''}

<p class="meta">Generated by legacy-hash audit in ${r.stats.seconds.toFixed(2)} s.</p>
</main></body></html>
`;
}

function idx(list: string[], k: string): number {
  const i = list.indexOf(k);
  return i < 0 ? 100 : i;
}

function problemSection(title: string, p: ProblemList): string {
  if (!p.count) return '';
  const rows = p.rows
    .map((x) => `<tr><td class="n">${x.line}</td><td>${esc(x.id ?? '')}</td><td><code>${esc(x.hash)}</code></td><td>${esc(x.reason)}</td></tr>`)
    .join('\n');
  return `<section class="card"><h2>${esc(title)} (${num(p.count)})</h2>
<table><tr><th>line</th><th>id</th><th>hash (redacted)</th><th>reason</th></tr>${rows}</table>
${p.truncated ? `<p class="sub">${num(p.count - p.rows.length)} more not listed.</p>` : ''}</section>`;
}
