<?php
// Live reference oracle for the formula-engine platform schemes: JSON Lines in, JSON Lines out,
// same protocol as scripts/ref/oracle.php.  Run: php scripts/ref/platforms_oracle.php
//   request  {"scheme": "<legacy-hash scheme id>", "passwordHex": "...", "params": {...}}
//   response {"hash": "..."} or {"error": "..."}
// params: salt, pepper, username, iterations, stretches, variant (OpenCart clean()), algo, setting.
// Formulas: scripts/ref/platforms.php (PHP 8.2 ports of each platform's code).
declare(strict_types=1);

require __DIR__ . '/platforms.php';

$flags = JSON_UNESCAPED_SLASHES | JSON_INVALID_UTF8_SUBSTITUTE;
while (($line = fgets(STDIN)) !== false) {
    $line = trim($line);
    if ($line === '') {
        continue;
    }
    try {
        $req = json_decode($line, true, 16, JSON_THROW_ON_ERROR);
        $hex = (string)($req['passwordHex'] ?? '');
        if (($hex !== '' && !ctype_xdigit($hex)) || strlen($hex) % 2 !== 0) {
            throw new InvalidArgumentException('passwordHex is not hex');
        }
        $p = $req['params'] ?? [];
        $resp = ['hash' => pf_hash((string)($req['scheme'] ?? ''), (string)hex2bin($hex), is_array($p) ? $p : [])];
    } catch (\Throwable $e) {
        $resp = ['error' => get_class($e) . ': ' . $e->getMessage()];
    }
    fwrite(STDOUT, json_encode($resp, $flags) . "\n");
    fflush(STDOUT);
}
