/**
 * Client for the live reference oracles in scripts/ref/ (PHP, Python): one child process,
 * JSON Lines in and out, responses in request order. Other conformance tests reuse it.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface OracleRequest {
  scheme: string;
  passwordHex: string;
  params?: Record<string, unknown>;
}

export class Oracle {
  private child: ChildProcessWithoutNullStreams;
  private pending: { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }[] = [];

  constructor(command: string, script: string) {
    const path = fileURLToPath(new URL(`../../scripts/ref/${script}`, import.meta.url));
    this.child = spawn(command, [path], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const p = this.pending.shift();
      if (p) p.resolve(JSON.parse(line) as Record<string, unknown>);
    });
    this.child.on('exit', () => {
      for (const p of this.pending.splice(0)) p.reject(new Error(`${script} exited`));
    });
  }

  /** The reference's hash for the request; throws when the reference reports an error. */
  async hash(req: OracleRequest): Promise<string> {
    const resp = await new Promise<Record<string, unknown>>((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin.write(`${JSON.stringify(req)}\n`);
    });
    if (typeof resp['hash'] !== 'string') throw new Error(`oracle error for ${req.scheme}: ${String(resp['error'])}`);
    return resp['hash'];
  }

  close(): void {
    this.child.stdin.end();
  }
}

export const phpOracle = (): Oracle => new Oracle('php', 'oracle.php');
export const pythonOracle = (): Oracle => new Oracle('/usr/bin/python3', 'oracle.py');
