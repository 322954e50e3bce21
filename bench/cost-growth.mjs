/**
 * How verify() latency grows with the cost parameter (issue #8), with the reference beside it:
 *   bcrypt cost 4-14 (13-14 extrapolated from 12: each step doubles the work), PBKDF2-SHA256
 *   iterations 1k-1M ({PBKDF2-SHA256} LDAP/passlib layout), phpass $P$ log2 count 7-16.
 * Hashes are made by PHP (password_hash, hash_pbkdf2, phpass crypt_private), never by legacy-hash.
 *
 *   node bench/cost-growth.mjs [--quick] [--json] [--svg docs/cost-growth.svg] [--md FILE]
 *
 * Prints a markdown table; writes a hand-drawn SVG line chart (log scale) with --svg.
 */
import { pbkdf2 } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as nrBcrypt from '@node-rs/bcrypt';
import { fmtMs, latency, stats } from './lib/measure.mjs';
import { phpSamples, phpVersion, runPhp } from './lib/php.mjs';

// LH_BENCH_DIST: a private build (a directory holding index.js, e.g. bench/_dist) so a concurrent `tsup` cannot pull dist/ away mid-run.
const lib = await import(process.env.LH_BENCH_DIST ? new URL(`${process.env.LH_BENCH_DIST.replace(/\/?$/, "/")}index.js`, `file://${process.cwd()}/`).href : '../dist/index.js');
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const opt = (n) => (argv.indexOf(n) >= 0 ? argv[argv.indexOf(n) + 1] : undefined);
const SVG = opt('--svg');
const MD = opt('--md');
const PW = 'correct horse battery staple';
const budget = (expectMs) => ({ budgetMs: Math.max(QUICK ? 150 : 400, expectMs * (QUICK ? 2 : 4)), minRuns: QUICK ? 2 : 3, warmupMs: 1 });
const log = (...a) => console.error(...a);
if (!phpVersion()) {
  console.error('cost-growth needs PHP (hashes are made by the reference, not by legacy-hash)');
  process.exit(1);
}

const series = []; // { family, param, x, ours, ref, refName, extrapolated }

async function measure(fn, expectMs) {
  return stats(await latency(fn, budget(expectMs))).median;
}

// ---------- bcrypt ----------
{
  const measured = QUICK ? [4, 6, 8, 10] : [4, 5, 6, 7, 8, 9, 10, 11, 12];
  let last;
  for (const cost of measured) {
    const hash = runPhp(`echo json_encode(password_hash($A['pw'], PASSWORD_BCRYPT, ['cost' => $A['cost']]));`, { pw: PW, cost });
    const expect = 0.06 * 2 ** (cost - 4);
    const ours = await measure(() => lib.verify(PW, hash), expect);
    const native = nrBcrypt.hashSync(PW, { cost });
    const ref = await measure(() => nrBcrypt.verify(PW, native), expect);
    last = { cost, ours, ref };
    series.push({ family: 'bcrypt', param: 'cost', x: cost, ours, ref, refName: '@node-rs/bcrypt', extrapolated: false });
    log(`bcrypt ${cost}: ${fmtMs(ours)} vs ${fmtMs(ref)}`);
  }
  for (let cost = last.cost + 1; cost <= 14; cost++) {
    const f = 2 ** (cost - last.cost);
    series.push({ family: 'bcrypt', param: 'cost', x: cost, ours: last.ours * f, ref: last.ref * f, refName: '@node-rs/bcrypt', extrapolated: true });
  }
}

// ---------- PBKDF2-SHA256 ----------
{
  const its = QUICK ? [1000, 10000, 100000] : [1000, 10000, 29000, 100000, 310000, 1000000];
  for (const it of its) {
    const hash = runPhp(
      `$salt = 'benchsaltbenchsa'; $raw = hash_pbkdf2('sha256', $A['pw'], $salt, $A['it'], 0, true);
       echo json_encode('{PBKDF2-SHA256}' . $A['it'] . '$' . lh_ab64($salt) . '$' . lh_ab64($raw));`,
      { pw: PW, it },
    );
    const expect = it / 1000 * 0.4;
    const ours = await measure(() => lib.verify(PW, hash), expect);
    const salt = Buffer.from('benchsaltbenchsa');
    const ref = await measure(() => new Promise((res, rej) => pbkdf2(PW, salt, it, 32, 'sha256', (e, k) => (e ? rej(e) : res(k)))), expect);
    series.push({ family: 'PBKDF2-SHA256', param: 'iterations', x: it, ours, ref, refName: 'node:crypto pbkdf2 (OpenSSL)', extrapolated: false });
    log(`pbkdf2 ${it}: ${fmtMs(ours)} vs ${fmtMs(ref)}`);
  }
}

// ---------- phpass ----------
{
  const logs = QUICK ? [7, 10, 13] : [7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
  for (const l of logs) {
    const hash = runPhp(`echo json_encode(lh_phpass_crypt_private($A['pw'], lh_phpass_setting('P', $A['l'], 'Bench.01')));`, { pw: PW, l });
    const expect = 2 ** l / 8192;
    const ours = await measure(() => lib.verify(PW, hash), expect);
    const ref = stats(
      await phpSamples(`return lh_phpass_crypt_private($A['pw'], $A['setting']) !== '*0';`, { pw: PW, setting: hash.slice(0, 12) }, budget(expect).budgetMs, {
        min: budget(expect).minRuns,
      }),
    ).median;
    series.push({ family: 'phpass', param: 'log2 count', x: l, ours, ref, refName: 'PHP md5() loop', extrapolated: false });
    log(`phpass 2^${l}: ${fmtMs(ours)} vs ${fmtMs(ref)}`);
  }
}
await lib.shutdownPool();

// ---------- output ----------
const rows = series.map((s) => [
  s.family,
  s.param === 'log2 count' ? `2^${s.x} (${(2 ** s.x).toLocaleString('en')})` : s.x.toLocaleString('en'),
  fmtMs(s.ours) + (s.extrapolated ? ' *' : ''),
  fmtMs(s.ref) + (s.extrapolated ? ' *' : ''),
  s.refName,
  (s.ours / s.ref).toFixed(2) + '×',
]);
const md = [
  '| scheme | cost | legacy-hash verify() median | reference median | reference | ratio |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.join(' | ')} |`),
  '',
  series.some((s) => s.extrapolated) ? '\\* extrapolated from the highest measured cost (each bcrypt cost step doubles the work), not measured.' : '',
].join('\n');
if (argv.includes('--json')) console.log(JSON.stringify(series, null, 2));
else console.log(md);
if (MD) writeFileSync(MD, md + '\n');
if (SVG) writeFileSync(SVG, svg(series));

/** Three panels (bcrypt, PBKDF2, phpass), log-scale y in ms; ours solid, reference grey, extrapolation dashed. */
function svg(all) {
  const families = [...new Set(all.map((s) => s.family))];
  const W = 300;
  const H = 240;
  const M = { l: 56, r: 12, t: 30, b: 40 };
  const axis = (v) => (v >= 1000 ? `${v / 1000} s` : v >= 1 ? `${v} ms` : `${Math.round(v * 1000)} µs`);
  const ys = all.flatMap((s) => [s.ours, s.ref]);
  const yMin = 10 ** Math.floor(Math.log10(Math.min(...ys)));
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...ys)));
  const py = (v) => M.t + (H - M.t - M.b) * (1 - (Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin)));
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${W * families.length}" height="${H + 30}" font-family="sans-serif" font-size="11">\n`;
  out += `<rect width="100%" height="100%" fill="white"/>\n`;
  families.forEach((fam, i) => {
    const pts = all.filter((s) => s.family === fam);
    const logX = fam.startsWith('PBKDF2');
    const xs = pts.map((p) => (logX ? Math.log10(p.x) : p.x));
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    const px = (p) => i * W + M.l + ((W - M.l - M.r) * ((logX ? Math.log10(p.x) : p.x) - x0)) / (x1 - x0 || 1);
    out += `<text x="${i * W + W / 2}" y="16" text-anchor="middle" font-weight="bold">${esc(fam)} (${esc(pts[0].param)})</text>\n`;
    // y grid: decades
    for (let v = yMin; v <= yMax; v *= 10) {
      const y = py(v).toFixed(1);
      out += `<line x1="${i * W + M.l}" x2="${(i + 1) * W - M.r}" y1="${y}" y2="${y}" stroke="#ddd"/>`;
      out += `<text x="${i * W + M.l - 4}" y="${y}" text-anchor="end" dominant-baseline="middle">${esc(axis(v))}</text>\n`;
    }
    // x ticks
    for (const p of pts) {
      const x = px(p).toFixed(1);
      const label = p.param === 'log2 count' ? p.x : p.param === 'iterations' ? (p.x >= 1e6 ? `${p.x / 1e6}M` : `${p.x / 1e3}k`) : p.x;
      out += `<text x="${x}" y="${H - M.b + 14}" text-anchor="middle">${esc(label)}</text>`;
    }
    out += `\n<line x1="${i * W + M.l}" x2="${(i + 1) * W - M.r}" y1="${H - M.b}" y2="${H - M.b}" stroke="#333"/>\n`;
    const path = (key, color, dash) => {
      const seg = (list) => list.map((p, j) => `${j ? 'L' : 'M'}${px(p).toFixed(1)},${py(p[key]).toFixed(1)}`).join(' ');
      const measured = pts.filter((p) => !p.extrapolated);
      const lastMeasured = measured[measured.length - 1];
      const extra = pts.filter((p) => p.extrapolated);
      let s = `<path d="${seg(measured)}" fill="none" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
      if (extra.length) s += `<path d="${seg([lastMeasured, ...extra])}" fill="none" stroke="${color}" stroke-width="2" stroke-dasharray="2,3"/>`;
      s += measured.map((p) => `<circle cx="${px(p).toFixed(1)}" cy="${py(p[key]).toFixed(1)}" r="2.5" fill="${color}"/>`).join('');
      return s + '\n';
    };
    out += path('ref', '#999', '6,3');
    out += path('ours', '#1f77b4', '');
    out += `<text x="${i * W + M.l + 6}" y="${M.t + 10}" fill="#1f77b4">legacy-hash verify()</text>`;
    out += `<text x="${i * W + M.l + 6}" y="${M.t + 24}" fill="#777">${esc(pts[0].refName)}</text>\n`;
  });
  out += `<text x="8" y="${H + 22}" fill="#555">Median latency of one verification, log scale. Dotted: extrapolated (bcrypt 13-14). ${esc(new Date().toISOString().slice(0, 10))}, ${esc(process.version)}.</text>\n`;
  return out + '</svg>\n';
}
