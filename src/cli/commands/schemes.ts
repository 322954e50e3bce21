/** `legacy-hash schemes`: the registry (ids for --scheme, platform ids for --platform). */
import { platformIds } from '../../registry.js';
import { schemes } from '../../schemes.js';
import { EXIT, parse, type Command } from '../command.js';
import { colorEnabled, style, table } from '../io/output.js';
import { checkPlatform } from '../shared.js';

const HELP = `Usage: legacy-hash schemes [options]

Lists the supported schemes: id (for --scheme), title, the inputs each needs, its cost
parameters and the platforms that store it, then every platform id (for --platform).

Options:
  --platform ID             only the schemes this platform stores
  --json                    machine-readable list
  --color, --no-color       force colour on or off

Examples:
  legacy-hash schemes
  legacy-hash schemes --platform magento2 --json

Exit status: 0; 2 usage error.
`;

export const schemesCommand: Command = {
  name: 'schemes',
  summary: 'list supported schemes and platform ids',
  help: HELP,
  async run(argv, ctx) {
    const { values } = parse(argv, {
      platform: { type: 'string' },
      json: { type: 'boolean' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
    });
    if (values.help) {
      ctx.stdout.write(HELP);
      return EXIT.OK;
    }
    const platform = checkPlatform(values.platform);
    const list = schemes.filter((s) => platform === undefined || s.platformIds.includes(platform));
    if (values.json) {
      ctx.stdout.write(JSON.stringify({ schemaVersion: 1, schemes: list, platforms: platformIds() }, null, 2) + '\n');
      return EXIT.OK;
    }
    const flag = values.color ? true : values['no-color'] ? false : undefined;
    const st = style(colorEnabled(ctx.stdout, ctx.env, flag));
    ctx.stdout.write(
      table(
        [{ title: 'id' }, { title: 'needs' }, { title: 'costs' }, { title: 'title' }],
        list.map((s) => [st.cyan(s.id), s.needs.join(', '), s.costs.map((c) => c.name).join(', '), s.title]),
        st,
        '',
      ) + '\n\n',
    );
    ctx.stdout.write(`${st.bold('platform ids')}: ${platformIds().join(', ')}\n`);
    return EXIT.OK;
  },
};
