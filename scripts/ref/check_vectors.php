<?php
// Re-checks every vector in test/vectors/*.json with the platforms' own PHP checks
// (scripts/ref/formulas.php lh_verify: password_verify, phpass CheckPassword, wp_check_password,
// OpenMage validateHash, Magento 2 Encryptor::isValidHash, hash()).
//
// Usage: php scripts/ref/check_vectors.php [--strict] [file.json ...]
// Exit status 1 when a vector contradicts PHP. Vectors of schemes PHP has no check for here
// (or argon2d, which password_verify does not know) are counted as "no reference". A disagreement
// in a file made by another generator (whose reference may model a different implementation, e.g.
// OpenBSD's $2$/old $2a$) is printed as DIFF and only fails the run with --strict.
declare(strict_types=1);

require __DIR__ . '/formulas.php';

$args = array_slice($argv, 1);
$strict = in_array('--strict', $args, true);
$args = array_values(array_filter($args, fn($a) => $a !== '--strict'));
$files = $args ?: glob(__DIR__ . '/../../test/vectors/*.json');
sort($files);
$bad = 0;
echo 'php reference: PHP ', PHP_VERSION, ', libsodium ', SODIUM_LIBRARY_VERSION, "\n";
foreach ($files as $file) {
    $doc = json_decode((string)file_get_contents($file), true, 512, JSON_THROW_ON_ERROR);
    $ok = $noref = $diff = 0;
    $own = ($doc['generator'] ?? '') === 'scripts/vectors/core.php';
    foreach ($doc['vectors'] ?? [] as $i => $v) {
        $pw = hex2bin($v['passwordHex']);
        $got = lh_verify($v['scheme'], $pw === false ? '' : $pw, $v['hash']);
        if ($got === null) {
            $noref++;
        } elseif ($got === $v['match']) {
            $ok++;
        } else {
            $tag = ($own || $strict) ? 'FAIL' : 'DIFF';
            printf("%s %s #%d %s %s: PHP says %s, vector says %s\n", $tag, basename($file), $i, $v['scheme'], $v['hash'], var_export($got, true), var_export($v['match'], true));
            $tag === 'FAIL' ? $bad++ : $diff++;
        }
    }
    printf("%-22s %4d confirmed by PHP, %3d without a PHP reference%s\n", basename($file), $ok, $noref, $diff ? ", $diff DIFF (other generator)" : '');
}
if ($bad > 0) {
    echo "$bad failure(s)\n";
    exit(1);
}
