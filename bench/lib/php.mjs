/**
 * PHP as a reference: a child process runs PHP's C implementations (crypt(), md5()/hash() loops,
 * password_verify, sodium) and times its own loop with hrtime, so process start-up and our
 * process never enter its numbers. Also used to create hashes at a platform's default cost
 * (never with legacy-hash's own code).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FORMULAS = fileURLToPath(new URL('../../scripts/ref/formulas.php', import.meta.url));

const PRELUDE = `<?php
declare(strict_types=1);
require ${JSON.stringify(FORMULAS)};
$A = json_decode($argv[1], true);
/** Times $f until budget_ms is spent (min/max runs); each sample in ms. A false result aborts. */
function lh_bench(callable $f, float $budgetMs, int $min = 5, int $max = 5000): array {
  if ($f() === false) { fwrite(STDERR, "reference returned false\\n"); exit(3); }
  $t = hrtime(true); $f(); $one = (hrtime(true) - $t) / 1e6;
  $batch = $one < 0.02 ? max(1, min(2000, (int)(0.2 / max($one, 0.0005)))) : 1;
  $out = []; $end = hrtime(true) + $budgetMs * 1e6;
  while (count($out) < $max && (count($out) < $min || hrtime(true) < $end)) {
    $t = hrtime(true);
    for ($i = 0; $i < $batch; $i++) $r = $f();
    $out[] = (hrtime(true) - $t) / 1e6 / $batch;
    if ($r === false) { fwrite(STDERR, "reference returned false\\n"); exit(3); }
  }
  return $out;
}
/** phpass/crypt(3) base64 (phpass encode64). */
function lh_b64crypt(string $s, int $n): string { return lh_phpass_encode64($s, $n); }
/** passlib's adapted base64: '.' for '+', no padding. */
function lh_ab64(string $raw): string { return str_replace('+', '.', rtrim(base64_encode($raw), '=')); }
`;

let available;
let version;

export function phpVersion() {
  if (available === undefined) {
    const r = spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
    available = !r.error && r.status === 0;
    version = available ? r.stdout.trim() : undefined;
  }
  return version;
}

/** Runs `body` (PHP statements; `$A` holds `args`) and returns its JSON output, or throws. */
export function runPhp(body, args = {}, timeoutMs = 600_000) {
  if (!phpVersion()) throw new Error('php not found');
  const dir = mkdtempSync(join(tmpdir(), 'lh-bench-'));
  try {
    const file = join(dir, 'bench.php');
    writeFileSync(file, PRELUDE + body);
    const r = spawnSync('php', ['-d', 'memory_limit=-1', file, JSON.stringify(args)], {
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error || r.status !== 0) throw new Error(`php failed (${r.status}): ${(r.stderr || String(r.error)).slice(0, 300)}`);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PHP times `fnBody` (a PHP closure body using $A; returns true/false) and returns samples in ms. */
export function phpSamples(fnBody, args, budgetMs, { min = 5, max = 5000, setup = '' } = {}) {
  return runPhp(`${setup}\n$f = function () use ($A) { ${fnBody} };\necho json_encode(lh_bench($f, ${Number(budgetMs)}, ${min}, ${max}));`, args);
}
