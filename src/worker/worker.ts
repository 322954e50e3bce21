/** Worker-thread side of the pool: looks the scheme up and runs its derivation. */
import { parentPort } from 'node:worker_threads';
import { LegacyHashError } from '../errors.js';
import { getScheme } from '../registry.js';
import type { ParsedHash, SchemeInputs } from '../types.js';
import type { WorkerReply } from './pool.js';

interface Request {
  id: number;
  schemeId: string;
  password: Uint8Array;
  parsed: ParsedHash;
  inputs: SchemeInputs;
}

parentPort!.on('message', async (req: Request) => {
  let reply: WorkerReply;
  try {
    const result = await getScheme(req.schemeId).derive(req.password, req.parsed, req.inputs);
    reply = { id: req.id, ok: true, result };
  } catch (e) {
    // A LegacyHashError's code and message (written to be safe) cross back; for anything else
    // the main thread reports the raw message to its internal-error hook and throws ERR_INTERNAL.
    const code = e instanceof LegacyHashError ? e.code : undefined;
    const message = e instanceof Error ? `${e.name}: ${e.message}` : 'derive failed';
    reply = { id: req.id, ok: false, error: { code, message } };
  } finally {
    req.password.fill(0);
  }
  try {
    parentPort!.postMessage(reply);
  } catch {
    // The result is not cloneable (a scheme bug): say so instead of leaving the job hanging.
    parentPort!.postMessage({ id: req.id, ok: false, error: { message: 'derive result is not cloneable' } } satisfies WorkerReply);
  }
});
