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
    const code = e instanceof LegacyHashError ? e.code : undefined;
    reply = { id: req.id, ok: false, error: { code, message: e instanceof Error ? e.message : 'derive failed' } };
  } finally {
    req.password.fill(0);
  }
  parentPort!.postMessage(reply);
});
