<?php
// Known-answer vectors for the forum / wiki stored layouts: XenForo serialized blobs
// (xenforo1, xenforo-core12), MediaWiki PasswordFactory types (mediawiki-pbkdf2, -bcrypt,
// -argon2, -pbkdf2-legacy), phpBB $CP$ and combined hashes (phpbb-convert, phpbb-combined),
// WoltLab WCF2 double bcrypt (wcf2), SMF 2.1 (smf21), vBulletin 5 legacy tokens
// (vbulletin5-token). Prints one vector document on stdout; scripts/generate-vectors.sh writes it
// to test/vectors/forum-blobs.json.
//
// Every hash is written by scripts/ref/platforms.php (PHP 8.2 ports of each platform's hashing
// code: crypt(), hash(), hash_pbkdf2(), serialize(), libsodium) and then confirmed by
// pf_forum_check() (ports of each platform's *verify* code: unserialize + XenForo authenticate,
// MediaWiki Password::verify toString() comparison, phpBB manager::check / check_combined_hash,
// WoltLab DoubleBcrypt::verify, SMF hash_verify_password, vB5 Legacy::verifyPassword). Published
// vectors (phpBB tests/passwords/manager_test.php, hashcat example hashes, formats.md [V-gen]) are
// re-computed and the run fails if one disagrees. Deterministic (fixed salts / lh_det_bytes).
declare(strict_types=1);

require __DIR__ . '/../ref/platforms.php';

$vectors = [];
$failed = 0;
$PHP = 'PHP ' . PHP_VERSION;

/**
 * Adds a vector: $stored (or pf_hash($scheme, $pw, $params)) must pass pf_forum_check with $row
 * and equal $published when given.
 */
function add(string $scheme, string $pw, array $params, array $options, string $source, ?string $note = null, ?string $stored = null, ?string $published = null, array $row = []): void
{
    global $vectors, $failed;
    $hash = $stored ?? pf_hash($scheme, $pw, $params);
    if ($published !== null && $published !== $hash) {
        fwrite(STDERR, "MISMATCH $scheme $note: published $published, PHP $hash\n");
        $failed++;
        return;
    }
    $row += ['username' => $options['username'] ?? null, 'login_name' => $options['username'] ?? null, 'user_passwd_salt' => $options['salt'] ?? null];
    $row = array_filter($row, fn($v) => $v !== null);
    if (!pf_forum_check($scheme, $pw, $hash, $row)) {
        fwrite(STDERR, "CHECK FAILED $scheme $note: $hash\n");
        $failed++;
        return;
    }
    $v = ['scheme' => $scheme, 'passwordHex' => bin2hex($pw)];
    if (lh_is_utf8($pw)) {
        $v['password'] = $pw;
    }
    $v['hash'] = $hash;
    if ($options) {
        $v['options'] = $options;
    }
    $v['match'] = true;
    $v['source'] = $source;
    if ($note !== null) {
        $v['note'] = $note;
    }
    $vectors[] = $v;
}

/** A reference-confirmed non-match (pf_forum_check says false). */
function nomatch(string $scheme, string $pw, string $hash, array $options, string $source, string $note, array $row = []): void
{
    global $vectors, $failed;
    $row += ['username' => $options['username'] ?? null, 'user_passwd_salt' => $options['salt'] ?? null];
    if (pf_forum_check($scheme, $pw, $hash, array_filter($row, fn($v) => $v !== null))) {
        fwrite(STDERR, "NOMATCH ACCEPTED $scheme $note\n");
        $failed++;
        return;
    }
    $v = ['scheme' => $scheme, 'passwordHex' => bin2hex($pw)];
    if (lh_is_utf8($pw)) {
        $v['password'] = $pw;
    }
    $v += ['hash' => $hash];
    if ($options) {
        $v['options'] = $options;
    }
    $v += ['match' => false, 'source' => $source, 'note' => $note];
    $vectors[] = $v;
}

$P = "P\u{e4}ssword1!";
$PASSWORDS = [
    'ascii' => 'hashcat',
    'utf8' => $P,
    'emoji' => "p\u{e4}ss \u{1F600} w\u{f6}rd \u{4E2D}\u{6587}",
    'latin1 bytes (not UTF-8)' => "caf\xe9 cr\xe8me \xff\x80",
    'long (300 bytes)' => str_repeat('0123456789abcdefghijklmnopqrstuvwxyz', 8) . 'ABCDEFGHIJKL',
    'escaped chars' => "a&b\"c<d>e'f!g\$h\\i",
    'empty' => '',
];
$b64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
$salt22 = fn(string $label) => lh_bcrypt_salt22(lh_det_bytes($label, 16));
$printable = function (string $label, int $n): string {
    $out = '';
    foreach (str_split(lh_det_bytes($label, $n)) as $b) {
        $out .= chr(33 + ord($b) % 94); // vB generateSalt: chr(rand(33, 126))
    }
    return $out;
};
$GEN = $PHP . ' running scripts/ref/platforms.php';
$PB = 'phpbb/phpbb tests/passwords/manager_test.php';
$HC = 'hashcat 6.2.6 --example-hashes mode ';
$FM = 'formats.md [V-gen] (' . $PHP . ')';

// ---------------- published / formats.md vectors ----------------
add('xenforo1', $P, ['salt' => 'c2FsdHNhbHRzYWx0c2FsdA==', 'hashFunc' => 'sha256'], [], $FM . ' §21.6', 'sha256 blob', null, 'a:3:{s:4:"hash";s:64:"0f6b7287155fda9d1fa5a3e09bea3dfda9f7ea936ea91b4fd3dcd1f515315de4";s:4:"salt";s:24:"c2FsdHNhbHRzYWx0c2FsdA==";s:8:"hashFunc";s:6:"sha256";}');
$xfSalt = '15b6c02cedbd727f563dcca607a89b085287b448966f19c0cc78cae263b1e38c';
add('xenforo1', 'foobar', ['salt' => $xfSalt, 'hashFunc' => 'sha256'], [], $PB . ' (sha_xf1 sha256 digest) in a XenForo 1 blob', 'published digest 7f65d2fa…', null, serialize(['hash' => '7f65d2fa8a826d232f8134772252f8b1aaef8594b1edcabd9ab65e5b0f236ff0', 'salt' => $xfSalt, 'hashFunc' => 'sha256']));
add('xenforo1', 'foobar', ['salt' => $xfSalt, 'hashFunc' => 'sha1'], [], $PB . ' (sha_xf1 sha1 digest) in a XenForo 1 blob', 'published digest 69962ae2…', null, serialize(['hash' => '69962ae2079420573a3948cc4dedbabd35680051', 'salt' => $xfSalt, 'hashFunc' => 'sha1']));
add('mediawiki-pbkdf2', $P, ['saltRaw' => '0123456789abcdef'], [], $FM . ' §15', 'default sha512:30000:64', null, ':pbkdf2:sha512:30000:64:MDEyMzQ1Njc4OWFiY2RlZg==:aapJGzPJASXOLFq/JzngUHWyBkLatXVvlfgJGT8HhMHvyLqL84zlvxTRGTB6Mgkz8td0FKPKfCuaCTMEfXAUPA==');
add('mediawiki-bcrypt', $P, ['cost' => 12, 'salt22' => 'abcdefghijklmnopqrstuu'], [], $FM . ' §15', 'cost 12', null, ':bcrypt:12$abcdefghijklmnopqrstuu$13BcWEPU2i2K3i3K8cTWLLTK0IeO09K');
add('mediawiki-pbkdf2-legacy', $P, ['first' => 'B', 'firstSalt' => '1a2b3c4d', 'saltRaw' => '0123456789abcdef'], [], $FM . ' §15', 'pbkdf2-legacyB', null, ':pbkdf2-legacyB:!sha512:30000:64!1a2b3c4d!MDEyMzQ1Njc4OWFiY2RlZg==!AXO327WB77+vgof81wzCa+nvOSefG5EwwVDwYJPJMU0XFjqLR4x8KuSOzlAo3LCdRpVhuJTvUB/QIv71upwCKA==');
add('phpbb-combined', $P, ['phpass' => '$H$9abcdefgH', 'bcrypt' => '$2y$10$abcdefghijklmnopqrstuu'], [], $FM . ' §21.1, checked there with phpBB\'s own passwords manager', '$H\\2y$ published', null, '$H\\2y$9abcdefgH$10\\abcdefghijklmnopqrstuu$R92X5na/Bxa.fJT0qPQQ7czkuSbT0Fa');
add('smf21', $P, ['username' => 'JohnDoe', 'cost' => 10, 'salt22' => 'abcdefghijklmnopqrstuu'], ['username' => 'JohnDoe'], $FM . ' §21.5', 'SMF 2.1 cost 10', null, '$2y$10$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm');
add('phpbb-convert', 'foobar', [], [], $PB . ' (md5_phpbb2)', 'published', '$CP$3858f62230ac3c915f300c664312c63f');
add('phpbb-convert', 'foobar', [], ['username' => 'test'], $PB . ' (sha1_smf, login_name test)', 'published', '$CP$6f9e2a1899e1f15708fd2e554103480eb53e8b57');
add('phpbb-convert', "f\xf6\xf6bar", [], [], $PB . " (md5_phpbb2, utf8_decode('fööbar'))", 'published, latin-1 password', '$CP$ae2fc75e20ee25d4520766788fbc96ae');
add('phpbb-convert', "f\u{f6}\u{f6}bar", [], [], $GEN . ' (md5_phpbb2 utf8_to_cp1252 reading of the published latin-1 hash)', 'UTF-8 password, cp1252 reading', '$CP$ae2fc75e20ee25d4520766788fbc96ae');
add('phpbb-convert', 'foobar', [], ['salt' => 'yeOtfFO6'], $PB . ' (md5_mybb)', 'published', '$CP$b86ee7e24008bfd2890dcfab1ed31333');
add('phpbb-convert', 'foobar', [], ['salt' => '9^F'], $PB . ' (md5_vb)', 'published', '$CP$b452c54c44c588fc095d2d000935c470');
add('phpbb-convert', 'foobar', [], ['salt' => '1a783e478d63f6422783a868db667aed3a857840'], $PB . ' (sha1_wcf1)', 'published', '$CP$fc46b9d9386167ce365ea3b891bf5dc31ddcd3ff');
add('phpbb-convert', 'foobar', [], ['salt' => $xfSalt], $PB . ' (sha_xf1 sha256)', 'published', '$CP$7f65d2fa8a826d232f8134772252f8b1aaef8594b1edcabd9ab65e5b0f236ff0');
add('phpbb-convert', 'foobar', [], ['salt' => $xfSalt], $PB . ' (sha_xf1 sha1)', 'published', '$CP$69962ae2079420573a3948cc4dedbabd35680051');
add('phpbb-convert', 'foobar', [], [], $PB . ' (bcrypt_wcf2)', 'published', '$CP$$2a$08$p8h14U0jsEiVb1Luy.s8oOTXSQ0hVWUXpcNGBoCezeYNXrQyCKHfi');
add('wcf2', 'foobar', [], ['params' => ['bcryptDouble' => 'wcf2']], $PB . ' (bcrypt_wcf2)', 'published, bare', '$2a$08$p8h14U0jsEiVb1Luy.s8oOTXSQ0hVWUXpcNGBoCezeYNXrQyCKHfi');
add('wcf2', 'foobar', [], [], $PB . ' (bcrypt_wcf2) with the WoltLab Suite 5.4 algorithm prefix', 'published, wcf2: prefix', 'wcf2:$2a$08$p8h14U0jsEiVb1Luy.s8oOTXSQ0hVWUXpcNGBoCezeYNXrQyCKHfi');
add('vbulletin5-token', 'hashcat', ['salt' => '324410183853308365427804872426'], [], $HC . '2711 as a vB 5 token', 'published digest', null, '0844fbb2fdeda31884a7a45ec2010bb6 324410183853308365427804872426');
add('vbulletin5-token', 'foobar', ['salt' => 'iaU*U%`CBl;/e~>D%do2m@Xf/,KZB0'], [], $PB . ' (md5_vb) as a vB 5 token', 'published digest, 30-char printable salt', null, 'f23a8241bd115d270c703213e3ef7f52 iaU*U%`CBl;/e~>D%do2m@Xf/,KZB0');

// ---------------- generated: every scheme over the password set ----------------
foreach ($PASSWORDS as $label => $pw) {
    $empty = $pw === '';
    // XenForo 1: salt = _createHash(generateSalt()) = 64 (sha256) or 40 (sha1) hex.
    $s256 = bin2hex(lh_det_bytes("xf256 $label", 32));
    $s1 = bin2hex(lh_det_bytes("xf1 $label", 20));
    if ($empty) {
        nomatch('xenforo1', '', pf_xf1_generate('', $s256, 'sha256'), [], $GEN . ' (XenForo_Authentication_Core::authenticate)', 'empty password is refused');
        nomatch('xenforo-core12', '', serialize(['hash' => crypt('', '$2y$04$' . $salt22('xfe'))]), [], $GEN . ' (XF\Authentication\Core12::authenticate)', 'empty password is refused');
    } else {
        add('xenforo1', $pw, ['salt' => $s256, 'hashFunc' => 'sha256'], [], $GEN . ' (XenForo_Authentication_Core sha256)', "sha256 $label");
        add('xenforo1', $pw, ['salt' => $s1, 'hashFunc' => 'sha1'], [], $GEN . ' (XenForo_Authentication_Core sha1)', "sha1 $label");
        add('xenforo-core12', $pw, ['inner' => lh_bcrypt($pw, '2y', 4, $salt22("xf2 $label"))], [], $GEN . ' (XF 2 Core12 password_hash)', "\$2y\$ $label");
    }
    // MediaWiki
    $mwSalt = lh_det_bytes("mw $label", 16);
    add('mediawiki-pbkdf2', $pw, ['saltRaw' => $mwSalt, 'rounds' => $label === 'ascii' ? '30000' : '1000'], [], $GEN . ' (MediaWiki AbstractPbkdf2Password)', "sha512 $label");
    add('mediawiki-bcrypt', $pw, ['cost' => 4, 'salt22' => $salt22("mwb $label")], [], $GEN . ' (MediaWiki BcryptPassword)', "cost 4 $label");
    add('mediawiki-argon2', $pw, [], [], $GEN . ' (MediaWiki Argon2Password; libsodium PHC, password_verify-checked)', "argon2id $label", ':argon2:' . lh_argon2_sodium_phc('id', $pw, lh_det_bytes("mwa $label", 16), 2, 1024, 32));
    add('mediawiki-pbkdf2-legacy', $pw, ['first' => 'A', 'saltRaw' => $mwSalt, 'rounds' => '1000'], [], $GEN . ' (MediaWiki LayeredParameterizedPassword [A, pbkdf2])', "legacyA $label");
    add('mediawiki-pbkdf2-legacy', $pw, ['first' => 'B', 'firstSalt' => substr(bin2hex($mwSalt), 0, 8), 'saltRaw' => $mwSalt, 'rounds' => '1000'], [], $GEN . ' (MediaWiki LayeredParameterizedPassword [B, pbkdf2])', "legacyB $label");
    // vBulletin 5 legacy token
    $vs = $printable("vb5 $label", 30);
    add('vbulletin5-token', $pw, ['salt' => $vs], [], $GEN . ' (vB_Utility_Password_Algorithm_Legacy over md5(pw))', $label);
    // WoltLab WCF2 double bcrypt
    add('wcf2', $pw, ['cost' => 4, 'salt22' => $salt22("wcf2 $label")], ['params' => ['bcryptDouble' => 'wcf2']], $GEN . ' (WoltLab DoubleBcrypt, cost 04 for speed)', "bare $label");
    // SMF 2.1
    $user = $label === 'ascii' ? 'Admin_User' : "J\u{d6}hn D\u{c9}";
    add('smf21', $pw, ['username' => $user, 'salt22' => $salt22("smf $label")], ['username' => $user], $GEN . ' (SMF 2.1 hash_password, mb_strtolower)', "$label, user $user");
    // phpBB $CP$
    $row = $label === 'escaped chars' ? ['salt' => "x'y"] : ['salt' => $printable("cp $label", 8)];
    add('phpbb-convert', $pw, [], [], $GEN . ' (phpBB md5_phpbb2: md5(addslashes(pw)))', "phpbb2 md5 $label", '$CP$' . md5(addslashes($pw)));
    add('phpbb-convert', $pw, [], $row, $GEN . ' (phpBB md5_mybb)', "mybb $label", '$CP$' . md5(md5($row['salt']) . md5($pw)));
    add('phpbb-convert', $pw, [], $row, $GEN . ' (phpBB md5_vb)', "vb $label", '$CP$' . md5(md5($pw) . $row['salt']));
    add('phpbb-convert', $pw, [], ['username' => 'Some User'], $GEN . ' (phpBB sha1_smf)', "smf $label", '$CP$' . sha1('some user' . $pw));
    add('phpbb-convert', $pw, [], $row, $GEN . ' (phpBB sha1_wcf1)', "wcf1 $label", '$CP$' . sha1($row['salt'] . sha1($row['salt'] . sha1($pw))));
    add('phpbb-convert', $pw, [], $row, $GEN . ' (phpBB sha_xf1 sha256)', "xf1 $label", '$CP$' . hash('sha256', hash('sha256', $pw) . $row['salt']));
    add('phpbb-convert', $pw, [], [], $GEN . ' (phpBB md5_phpbb2 salted_md5 of md5(addslashes(pw)))', "\$H\$ of md5 $label", '$CP$' . lh_phpass_crypt_private(md5(addslashes($pw)), '$H$9' . substr($salt22("cph $label"), 0, 8)));
    // phpBB combined
    // phpBB made its $H$ hashes from the request-cleaned password; never from non-UTF-8 input (htmlspecialchars -> '').
    if (lh_is_utf8($pw)) {
        add('phpbb-combined', $pw, [], [], $GEN . ' (phpBB manager::combined_hash_password of a $H$ hash of the request-cleaned password, bcrypt_2y)', "\$H\\2y\$ $label", pf_phpbb_combined(pf_phpbb_clean($pw), '$H$7' . substr($salt22("pc $label"), 0, 8), '$2y$04$' . $salt22("pcb $label")));
    }
}

// ---------------- edge cases ----------------
add('xenforo-core12', $P, ['inner' => lh_bcrypt($P, '2a', 10, $salt22('xf12'))], [], $GEN . ' (XenForo 1.2 Core12: XenForo_PasswordHash $2a$10$)', 'XF 1.2 $2a$10$');
add('xenforo-core12', $P, ['inner' => lh_phpass_crypt_private($P, '$P$9' . substr($salt22('xfp'), 0, 8))], [], $GEN . ' (XF Core12 legacy $P$: PasswordHash::CheckPassword)', 'inner $P$');
add('xenforo-core12', $P, ['inner' => crypt($P, '_J9..' . 'xfDE')], [], $GEN . ' (XF 1.2 Core12 CRYPT_EXT_DES fallback, PHP crypt)', 'inner _ ext-DES');
add('mediawiki-pbkdf2', $P, ['saltRaw' => 'saltsaltsaltsalt', 'algo' => 'sha256', 'rounds' => '10000', 'length' => '32'], [], $GEN . ' (MediaWiki pbkdf2, sha256 config)', 'sha256:10000:32');
add('mediawiki-bcrypt', $P, ['cost' => 9, 'salt22' => $salt22('mw9')], [], $GEN . ' (MediaWiki default bcrypt cost 9: stored unpadded)', ':bcrypt:9$');
add('mediawiki-bcrypt', $P, [], [], $GEN . ' (BcryptPassword::parseHash casts rounds to int, so 09 verifies too)', ':bcrypt:09$ (zero-padded)', str_replace(':bcrypt:9$', ':bcrypt:09$', pf_mw_bcrypt($P, 9, $salt22('mw9'))));
add('mediawiki-pbkdf2-legacy', $P, ['first' => 'A', 'firstSalt' => '5f4dcc3b', 'saltRaw' => 'saltsaltsaltsalt', 'rounds' => '1000'], [], $GEN . ' (MediaWiki 1.24-1.3x MWOldPassword with a salt argument, $wgPasswordSalt)', 'legacyA with :A:salt: layer');
add('wcf2', $P, ['cost' => 8, 'salt22' => $salt22('wcf2 default')], [], $GEN . ' (WoltLab DoubleBcrypt default $2a$08$, DoubleBcrypt: prefix of WoltLab Suite 5.4)', 'DoubleBcrypt: prefix', 'DoubleBcrypt:' . pf_hash('wcf2', $P, ['cost' => 8, 'salt22' => $salt22('wcf2 default')]));
add('smf21', 'hashcat', ['username' => 'ADMIN', 'cost' => 10, 'salt22' => $salt22('smf10')], ['username' => 'ADMIN', 'platform' => 'smf'], $GEN . ' (SMF 2.1 default cost 10)', 'platform smf, cost 10');
add('phpbb-combined', "x&y\"z<w>\r\n", [], [], $GEN . ' (phpBB $H$ made from the request-cleaned password, then combined)', 'phpBB-cleaned reading', pf_phpbb_combined(pf_phpbb_clean("x&y\"z<w>\r\n"), '$H$9' . substr($salt22('pcx'), 0, 8), '$2y$04$' . $salt22('pcxb')));
add('phpbb-combined', 'hashcat', ['phpass' => '$H$9' . substr($salt22('pca'), 0, 8), 'bcrypt' => '$2a$04$' . $salt22('pcab')], [], $GEN . ' (combined with bcrypt driver $2a$ when 2y is unsupported)', '$H\\2a$');
add('phpbb-convert', "it's \"q\"\\", [], [], $GEN . ' (md5_phpbb2: phpBB2 received addslashes()ed input)', 'addslashes changes the password', '$CP$' . md5(addslashes("it's \"q\"\\")));
add('phpbb-convert', "caf\u{e9} \u{20ac}5", [], [], $GEN . ' (md5_phpbb2 utf8_to_cp1252: é -> E9, € -> 80)', 'cp1252 reading', '$CP$' . md5("caf\xe9 \x805"));
add('phpbb-convert', $P, [], [], $GEN . ' (salted_md5 on a 32-char hash: md5(pw))', 'plain md5 under $CP$', '$CP$' . md5($P));
add('phpbb-convert', $P, [], [], $GEN . ' (phpBB sha1)', 'plain sha1 under $CP$', '$CP$' . sha1($P));

// Reference-confirmed non-matches.
nomatch('vbulletin5-token', 'hashcat', md5('hashcat' . 'abc') . ' abc', [], $GEN, 'token is of md5(pw), not of the raw password');
nomatch('mediawiki-pbkdf2-legacy', $P, str_replace('!1a2b3c4d!', '!1a2b3c4e!', pf_mw_layered($P, 'B', '1a2b3c4d', 'sha512', '1000', '64', base64_encode('saltsaltsaltsalt'))), [], $GEN, 'the B layer salt is part of the hash');
nomatch('phpbb-convert', 'foobar', '$CP$b86ee7e24008bfd2890dcfab1ed31333', ['salt' => 'yeOtfFO7'], $PB . ' (md5_mybb with another salt)', 'wrong salt column');
nomatch('xenforo1', 'foobar', serialize(['hash' => strtoupper('7f65d2fa8a826d232f8134772252f8b1aaef8594b1edcabd9ab65e5b0f236ff0'), 'salt' => $xfSalt, 'hashFunc' => 'sha256']), [], $GEN . ' (authenticate compares hex with ===)', 'upper-case hex never matches');

if ($failed > 0) {
    fwrite(STDERR, "$failed vector(s) failed\n");
    exit(1);
}
echo json_encode([
    'description' => 'Forum and wiki stored layouts: XenForo serialized blobs (xenforo1, xenforo-core12), MediaWiki :pbkdf2:/:bcrypt:/:argon2:/:pbkdf2-legacyA|B:, phpBB $CP$ and $H\\2y$ combined, WoltLab WCF2 double bcrypt, SMF 2.1 bcrypt(lower(username).pw), vBulletin 5 legacy tokens',
    'generator' => 'scripts/vectors/forum_blobs.php',
    'vectors' => $vectors,
], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR) . "\n";
