/**
 * Redaction of stored hashes for reports: keep what identifies the format (the `$ident$`,
 * cost and parameter fields, Magento version tokens, a `{TAG}` or `name$` prefix), hide salt
 * and digest, and say how long the string was:
 *   $2y$10$…(60 chars)   $argon2id$v=19$m=65536,t=4,p=1$…(97 chars)   …:…:1 (99 chars)   …(32 hex)
 * Passwords never reach this module: they are never printed at all.
 */
export function redact(stored: string, show = false): string {
  const s = stored.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  if (show) return s;
  const n = s.length;
  if (n === 0) return '(empty)';
  const len = `(${n} char${n === 1 ? '' : 's'})`;

  if (s[0] === '$') {
    const parts = s.split('$');
    let keep = '$';
    // parts[0] is '' (leading $); never keep the last part (digest, or salt+digest).
    for (let i = 1; i < parts.length - 1; i++) {
      const seg = parts[i]!;
      const ok = i === 1 ? /^[\w.+-]{1,24}$/.test(seg) : /^\d{1,10}$/.test(seg) || /^\d[a-z]?$/.test(seg) || (seg.includes('=') && /^[\w=,.+-]{1,64}$/.test(seg));
      if (!ok) break;
      keep += `${seg}$`;
    }
    return `${keep}…${len}`;
  }
  const tag = /^\{[\w.+-]{1,20}\}/.exec(s);
  if (tag) return `${tag[0]}…${len}`;
  const named = /^([A-Za-z][\w+-]{1,30})\$/.exec(s);
  if (named && !/^[0-9a-fA-F]+$/.test(named[1]!)) {
    let keep = named[0];
    for (const seg of s.slice(keep.length).split('$').slice(0, -1)) {
      if (!/^\d{1,10}$/.test(seg) && !(seg.includes('=') && /^[\w=,.+-]{1,64}$/.test(seg))) break;
      keep += `${seg}$`;
    }
    return `${keep}…${len}`;
  }
  if (s.includes(':')) {
    const parts = s.split(':');
    const shown = parts.map((p, i) => (i >= 2 && /^[0-9_]{1,24}$/.test(p) ? p : '…'));
    return `${shown.join(':')} ${len}`;
  }
  if (/^[0-9a-fA-F]+$/.test(s)) return `…(${n} hex)`;
  const marker = /^[!*]+/.exec(s);
  return `${marker ? marker[0] : ''}…${len}`;
}
