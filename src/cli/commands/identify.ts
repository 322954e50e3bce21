/** `legacy-hash identify HASH...` (or stdin lines): ranked candidate schemes, no hashing. */
import { createInterface } from 'node:readline';
import { detect } from '../../detect/candidates.js';
import { normalizeStored } from '../../detect/normalize.js';
import { identify } from '../../identify.js';
import type { Candidate, IdentifyOptions } from '../../types.js';
import { EXIT, UsageError, parse, type Command } from '../command.js';
import { clean, colorEnabled, style, write, type Style } from '../io/output.js';
import { redact } from '../io/redact.js';
import { readPepper } from '../io/secrets.js';
import { checkPlatform } from '../shared.js';

const HELP = `Usage: legacy-hash identify [options] [HASH...]

Lists the schemes that could have produced each stored hash, most likely first, with their
parameters (cost, variant, ...) and what each still needs (salt column, pepper, user name).
Reads one hash per line from stdin when no HASH is given (or HASH is '-'). Does no hashing.

Options:
  --platform ID             only consider schemes this platform stores
  --salt SALT               say a salt column value is available (changes ranking and needs)
  --username NAME           say the user name is available
  --pepper-file FILE        say the site secret is available (read from FILE)
  --pepper-env NAME         ... from environment variable NAME (default: LEGACY_HASH_PEPPER)
  --json                    one JSON object per hash (JSON Lines)
  --show-hashes             echo hashes in full (default: redacted)
  --color, --no-color       force colour on or off

Examples:
  legacy-hash identify '$P$946647711V1klyitUYhtB8Yw5DMA/w.'
  legacy-hash identify 5f4dcc3b5aa765d61d8327deb882cf99 --platform opencart
  cut -d, -f4 export.csv | legacy-hash identify --json

Exit status: 0 every hash identified; 1 some hash is unknown or malformed; 2 usage error.
`;

interface Identified {
  input: string;
  status: 'identified' | 'malformed' | 'unknown' | 'empty';
  reason?: string;
  candidates: Candidate[];
}

export const identifyCommand: Command = {
  name: 'identify',
  summary: 'list the schemes a stored hash could be, with what each still needs',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      platform: { type: 'string' },
      salt: { type: 'string' },
      username: { type: 'string' },
      'pepper-file': { type: 'string' },
      'pepper-env': { type: 'string' },
      json: { type: 'boolean' },
      'show-hashes': { type: 'boolean' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    });
    if (values.help) {
      ctx.stdout.write(HELP);
      return EXIT.OK;
    }
    const platform = checkPlatform(values.platform);
    const options: IdentifyOptions = {};
    if (platform !== undefined) options.platform = platform;
    if (values.salt !== undefined) options.salt = values.salt;
    if (values.username !== undefined) options.username = values.username;
    const pepper = readPepper(values, ctx.env);
    if (pepper) options.pepper = pepper;
    const flag = values.color ? true : values['no-color'] ? false : undefined;
    const st = style(colorEnabled(ctx.stdout, ctx.env, flag));
    const show = values['show-hashes'] === true;

    let failed = 0;
    let seen = 0;
    const one = async (raw: string) => {
      const r = identifyOne(raw, options, show);
      seen++;
      if (r.status !== 'identified') failed++;
      await write(ctx.stdout, values.json ? JSON.stringify(r) + '\n' : renderOne(r, st));
    };

    const fromStdin = positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-');
    if (fromStdin) {
      if (ctx.stdin.isTTY && positionals.length === 0) throw new UsageError('give HASH arguments, or pipe hashes to stdin (one per line)');
      const rl = createInterface({ input: ctx.stdin, crlfDelay: Infinity });
      for await (const line of rl) {
        if (line.trim() === '') continue;
        await one(line);
      }
    } else {
      for (const h of positionals) await one(h);
    }
    return failed === 0 && seen > 0 ? EXIT.OK : EXIT.NEGATIVE;
  },
};

function identifyOne(raw: string, options: IdentifyOptions, show: boolean): Identified {
  const text = normalizeStored(raw);
  const input = redact(text, show);
  if (text === '') return { input, status: 'empty', reason: 'empty string', candidates: [] };
  const candidates = identify(text, options);
  if (candidates.length) return { input, status: 'identified', candidates };
  // identify() gives [] for both; the detection says which (and why it is malformed).
  const d = detect(text, {}, options.platform);
  if (d.malformed) return { input, status: 'malformed', reason: d.malformed.message, candidates };
  return { input, status: 'unknown', reason: 'no supported scheme recognises it', candidates };
}

function renderOne(r: Identified, st: Style): string {
  const out = [st.bold(clean(r.input))];
  if (r.status !== 'identified') {
    out.push(`  ${r.status === 'malformed' ? st.red('malformed') : st.red(r.status)}: ${clean(r.reason ?? '')}`);
  }
  r.candidates.forEach((c, i) => {
    const ready = c.missing.length === 0 ? st.green('ready') : st.yellow(`needs ${c.missing.join(', ')}`);
    const params = Object.entries(c.params)
      .map(([k, v]) => `${clean(k)}=${clean(v)}`)
      .join(' ');
    out.push(`  ${i + 1}. ${st.cyan(c.scheme)}  ${c.title}  ${ready}  ${st.dim(`score ${c.score}`)}`);
    if (params) out.push(`     ${params}`);
    out.push(st.dim(`     ${c.platforms.join('; ')}`));
  });
  return out.join('\n') + '\n';
}
