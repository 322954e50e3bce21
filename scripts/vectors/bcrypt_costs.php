<?php
// bcrypt at every cost from 7 to 14 (issue #7 asks for costs 4 to 14; 4-6 are in bcrypt.json and
// bcrypt-variants.json), made by PHP 8.2's crypt() (Openwall crypt_blowfish) with fixed salts.
// Prints one vector document on stdout: scripts/generate-vectors.sh writes it to
// test/vectors/bcrypt-costs.json. Each vector is re-checked with password_verify before output.
declare(strict_types=1);

$alphabet = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
$vectors = [];
$cases = [
    // [ident, cost, password, note]
    ['2y', 7, 'password', 'cost 7, ASCII'],
    ['2a', 8, "P\xc3\xa4ssword1!", 'cost 8, UTF-8 ($2a$: correct and safety readings agree)'],
    ['2b', 9, str_repeat('x', 72) . 'ignored', 'cost 9, > 72 bytes (truncated)'],
    ['2y', 10, '', 'cost 10 (PHP default), empty password'],
    ['2x', 11, "\xa3\xff\xe9t\xe9", 'cost 11, $2x$ sign-extension bug with 8-bit bytes'],
    ['2y', 12, "\xe5\xaf\x86\xe7\xa0\x81", 'cost 12 (Laravel 11 default), CJK UTF-8'],
    ['2a', 13, 'Tr0ub4dor&3', 'cost 13 (IPS4 default)'],
    ['2y', 14, 'correct horse battery staple', 'cost 14'],
];
foreach ($cases as $i => [$ident, $cost, $pw, $note]) {
    $salt = '';
    for ($j = 0; $j < 21; $j++) $salt .= $alphabet[($i * 7 + $j * 13) % 64];
    $salt .= $alphabet[(($i * 5) % 4) * 16]; // canonical 22nd character (2 significant bits)
    $hash = crypt($pw, sprintf('$%s$%02d$%s', $ident, $cost, $salt));
    if (strlen($hash) !== 60) { fwrite(STDERR, "crypt failed for case $i\n"); exit(1); }
    if (!password_verify($pw, $hash)) { fwrite(STDERR, "password_verify disagrees for case $i\n"); exit(1); }
    $v = ['scheme' => 'bcrypt', 'passwordHex' => bin2hex($pw)];
    if (preg_match('//u', $pw) === 1) $v['password'] = $pw; // valid UTF-8 (no mbstring here)
    $v += ['hash' => $hash, 'match' => true,
        'source' => 'PHP ' . PHP_VERSION . ' crypt() (Openwall crypt_blowfish), re-checked with password_verify',
        'note' => $note];
    $vectors[] = $v;
}
echo json_encode([
    'description' => 'bcrypt at costs 7-14, one vector per cost, from PHP crypt()',
    'generator' => 'scripts/vectors/bcrypt_costs.php',
    'vectors' => $vectors,
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
