/**
 * A progress line on stderr for long runs. Only when stderr is a TTY (never in pipes, logs or
 * CI) and not --quiet; redrawn at most 10 times a second; erased when done.
 */
import type { Writable } from 'node:stream';
import { bar, num } from './output.js';

export class Progress {
  private last = 0;
  private readonly started = Date.now();
  private drawn = false;

  constructor(
    private readonly stream: Writable & { isTTY?: boolean; columns?: number },
    private readonly enabled: boolean,
    private readonly label: string,
    /** Total bytes, when known (a file); stdin has none. */
    private readonly totalBytes?: number,
  ) {}

  static for(stream: Writable & { isTTY?: boolean }, quiet: boolean, label: string, totalBytes?: number): Progress {
    return new Progress(stream, !quiet && stream.isTTY === true, label, totalBytes);
  }

  update(rows: number, bytes?: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = secs > 0 ? Math.round(rows / secs) : 0;
    let text: string;
    if (this.totalBytes && bytes !== undefined) {
      const share = Math.min(1, bytes / this.totalBytes);
      text = `${this.label} ${(share * 100).toFixed(0).padStart(3)}% |${bar(share, 24).padEnd(24)}| ${num(rows)} rows, ${num(rate)}/s`;
    } else {
      text = `${this.label} ${num(rows)} rows, ${num(rate)}/s`;
    }
    const cols = this.stream.columns ?? 80;
    this.stream.write(`\r${text.slice(0, cols - 1)}\x1b[K`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}
