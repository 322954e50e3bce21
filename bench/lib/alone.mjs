/**
 * Worker thread of bench/run.mjs: the verify() rate of one case (1 / median latency) in a thread
 * that verifies nothing else, as a login server migrating one platform's customers does. The
 * bench's own thread has run every scheme by then, so V8's call sites that dispatch to schemes
 * (parse, derive, the digest cores) see all of them; here they see one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { latency, stats } from './measure.mjs';

const { libUrl, password, hash, options, budgetMs } = workerData;
const lib = await import(libUrl);
const s = stats(await latency(() => lib.verify(password, hash, options), { budgetMs }));
await lib.shutdownPool();
parentPort.postMessage(1000 / s.median);
