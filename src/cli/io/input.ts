/** Opens the input: a file, or stdin for `-` / no argument when stdin is not a terminal. */
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { UsageError, type Context } from '../command.js';

export interface Input {
  stream: Readable;
  /** Display name: the path, or `-` for stdin. */
  name: string;
  /** File size in bytes (undefined for stdin and pipes). */
  size?: number;
  /** Bytes read so far (files only). */
  bytesRead(): number | undefined;
}

export function openInput(path: string | undefined, ctx: Context, what = 'FILE'): Input {
  if (path === undefined || path === '-') {
    if (path === undefined && ctx.stdin.isTTY) {
      throw new UsageError(`no input: give ${what}, or pipe the data to stdin`);
    }
    return { stream: ctx.stdin, name: '-', bytesRead: () => undefined };
  }
  let size: number | undefined;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new UsageError(`${path} is a directory`);
    size = st.isFile() ? st.size : undefined;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const input: Input = { stream, name: path, bytesRead: () => stream.bytesRead };
  if (size !== undefined) input.size = size;
  return input;
}
