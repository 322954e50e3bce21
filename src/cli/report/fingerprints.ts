/**
 * Counts identical stored hashes in bounded, compact memory: an open-addressing table of
 * 64-bit fingerprints (two independent 32-bit string hashes) in typed arrays, ~18 bytes per
 * distinct hash, no strings kept. A few thousand groups keep a redacted label and example
 * lines for the report. False merges need a 64-bit collision (~1e-8 for 10^6 rows).
 */
export interface DuplicateGroup {
  scheme: number;
  count: number;
  firstLine: number;
  label: string;
  lines: number[];
}

const MAX_TRACKED_GROUPS = 5000;
const MAX_LINES_PER_GROUP = 5;

export class FingerprintCounter {
  private cap = 1 << 12;
  private size = 0;
  private hi = new Uint32Array(this.cap);
  private lo = new Uint32Array(this.cap);
  private counts = new Uint32Array(this.cap);
  private schemes = new Uint16Array(this.cap);
  private firstLines = new Uint32Array(this.cap);
  /** slot -> group details, for the first MAX_TRACKED_GROUPS groups that reach 2. */
  private groups = new Map<number, DuplicateGroup>();

  /** Adds one hash; `label` is called only when the hash is a (new) duplicate worth tracking. */
  add(key: string, scheme: number, line: number, label: () => string): void {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 >>>= 0;
    h2 = (h2 ^ key.length) >>> 0;
    if (h1 === 0 && h2 === 0) h2 = 1; // (0,0) marks an empty slot
    if ((this.size + 1) * 4 > this.cap * 3) this.grow();
    const mask = this.cap - 1;
    let i = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
    for (;;) {
      if (this.hi[i] === 0 && this.lo[i] === 0) {
        this.hi[i] = h1;
        this.lo[i] = h2;
        this.counts[i] = 1;
        this.schemes[i] = scheme;
        this.firstLines[i] = line;
        this.size++;
        return;
      }
      if (this.hi[i] === h1 && this.lo[i] === h2) {
        const n = ++this.counts[i]!;
        if (n === 2 && this.groups.size < MAX_TRACKED_GROUPS) {
          const g: DuplicateGroup = { scheme, count: 2, firstLine: this.firstLines[i]!, label: label(), lines: [this.firstLines[i]!, line] };
          this.groups.set(i, g);
        } else if (n > 2) {
          const g = this.groups.get(i);
          if (g && g.lines.length < MAX_LINES_PER_GROUP) g.lines.push(line);
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = { hi: this.hi, lo: this.lo, counts: this.counts, schemes: this.schemes, firstLines: this.firstLines };
    const oldGroups = this.groups;
    this.cap *= 2;
    this.hi = new Uint32Array(this.cap);
    this.lo = new Uint32Array(this.cap);
    this.counts = new Uint32Array(this.cap);
    this.schemes = new Uint16Array(this.cap);
    this.firstLines = new Uint32Array(this.cap);
    this.groups = new Map();
    const mask = this.cap - 1;
    for (let j = 0; j < old.hi.length; j++) {
      const h1 = old.hi[j]!;
      const h2 = old.lo[j]!;
      if (h1 === 0 && h2 === 0) continue;
      let i = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask;
      while (this.hi[i] !== 0 || this.lo[i] !== 0) i = (i + 1) & mask;
      this.hi[i] = h1;
      this.lo[i] = h2;
      this.counts[i] = old.counts[j]!;
      this.schemes[i] = old.schemes[j]!;
      this.firstLines[i] = old.firstLines[j]!;
      const g = oldGroups.get(j);
      if (g) this.groups.set(i, g);
    }
  }

  /** Per scheme index: groups (distinct duplicated hashes), accounts in them, largest group. */
  summary(): Map<number, { groups: number; accounts: number; largest: number }> {
    const out = new Map<number, { groups: number; accounts: number; largest: number }>();
    for (let i = 0; i < this.cap; i++) {
      const n = this.counts[i]!;
      if (n < 2) continue;
      const s = this.schemes[i]!;
      const e = out.get(s) ?? { groups: 0, accounts: 0, largest: 0 };
      e.groups++;
      e.accounts += n;
      if (n > e.largest) e.largest = n;
      out.set(s, e);
    }
    return out;
  }

  /** Tracked groups with their final counts, largest first. */
  topGroups(limit: number): DuplicateGroup[] {
    const list: DuplicateGroup[] = [];
    for (const [slot, g] of this.groups) {
      g.count = this.counts[slot]!;
      list.push(g);
    }
    return list.sort((a, b) => b.count - a.count || a.firstLine - b.firstLine).slice(0, limit);
  }
}
