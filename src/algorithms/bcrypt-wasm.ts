/**
 * Host side of the WebAssembly EksBlowfish schedule (src/wasm/bcrypt.wat, compiled into
 * bcrypt-wasm.generated.ts by scripts/build-wasm.mjs): instantiates the module once per thread
 * (lazily, on first use; worker-pool threads each get their own), copies Blowfish's initial
 * state into it, and runs the schedule on key and salt words that bcrypt-core.ts prepares.
 *
 * The module is ~2.7 KB, so synchronous `new WebAssembly.Module` / `Instance` is fine. Where
 * WebAssembly is missing or refuses to compile (node --jitless, an embedder that forbids code
 * generation), `eksBlowfishWasm` returns false and bcrypt-core.ts runs its TypeScript schedule.
 */
import { BLOWFISH_INIT, STATE_WORDS } from './blowfish-tables.js';
import { instantiateWasm } from '../core/wasm.js';
import { BCRYPT_WASM_BASE64 } from './bcrypt-wasm.generated.js';

// Byte offsets in the module's memory: the layout documented at the top of src/wasm/bcrypt.wat.
const KEY = 4168;
const SALT = 4240;
const OUT = 4256;
const INIT = 4352;
const KEY_WORDS = 18;
const OUT_BYTES = 24;

interface Schedule {
  /** Little-endian access to the module's memory (wasm is little-endian on every host). */
  view: DataView;
  memory: Uint8Array;
  run: (cost: number, firstKeyXor: number) => void;
}

/** undefined: not tried yet; null: WebAssembly unavailable in this thread. */
let schedule: Schedule | null | undefined;

function instantiate(): Schedule | null {
  // Words go through a little-endian DataView: any host byte order will do.
  const exports = instantiateWasm(BCRYPT_WASM_BASE64, false);
  if (!exports) return null;
  // One page, never grown: the buffer (and these views) stay valid for the instance's life.
  const buffer = (exports['memory'] as { buffer: ArrayBuffer }).buffer;
  const view = new DataView(buffer);
  for (let i = 0; i < STATE_WORDS; i++) view.setInt32(INIT + 4 * i, BLOWFISH_INIT[i]!, true);
  return { view, memory: new Uint8Array(buffer), run: exports['bcrypt'] as Schedule['run'] };
}

function getSchedule(): Schedule | null {
  if (schedule === undefined) schedule = instantiate();
  return schedule;
}

/** Whether this thread can run the WebAssembly schedule. */
export function wasmAvailable(): boolean {
  return getSchedule() !== null;
}

/**
 * EksBlowfish in WebAssembly: ExpandKey(state, salt, key) with `firstKeyXor` XOR-ed into the
 * first key word (crypt_blowfish's `$2a$` safety bit), 2^cost x (ExpandKey(state, 0, key),
 * ExpandKey(state, 0, salt)), then "OrpheanBeholderScryDoubt" encrypted 64 times. Writes the 24
 * ciphertext bytes to `out` and returns true; returns false (nothing written) when WebAssembly
 * is unavailable. `key` holds 18 words, `salt` 4 (big-endian words of the 16 salt bytes), and
 * `cost` is 4..31 (checked by the caller).
 */
export function eksBlowfishWasm(
  key: Int32Array,
  firstKeyXor: number,
  salt: Int32Array,
  cost: number,
  out: Uint8Array,
): boolean {
  const s = getSchedule();
  if (!s) return false;
  const { view, memory } = s;
  for (let i = 0; i < KEY_WORDS; i++) view.setInt32(KEY + 4 * i, key[i]!, true);
  for (let i = 0; i < 4; i++) view.setInt32(SALT + 4 * i, salt[i]!, true);
  // The module wipes the state, key and salt itself when done; OUT is cleared below.
  s.run(cost, firstKeyXor);
  for (let i = 0; i < OUT_BYTES; i += 4) {
    const w = view.getInt32(OUT + i, true);
    out[i] = w >>> 24;
    out[i + 1] = (w >>> 16) & 0xff;
    out[i + 2] = (w >>> 8) & 0xff;
    out[i + 3] = w & 0xff;
  }
  memory.fill(0, OUT, OUT + OUT_BYTES);
  return true;
}
