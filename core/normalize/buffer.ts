/** Reusable output buffers for the normaliser. */

/**
 * Output buffers, growable and reusable: the engine normalises block after block into
 * the same buffers, since allocating typed arrays per block costs more than the work.
 */
export class SkeletonBuffer {
  codes = new Uint16Array(0);
  start = new Uint32Array(0);
  end = new Uint32Array(0);
  flags = new Uint16Array(0);
  run = new Uint8Array(0);
  token = new Uint32Array(0);
  length = 0;

  reserve(capacity: number): void {
    if (capacity <= this.codes.length) return;
    const copy = <T extends Uint16Array | Uint32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from.subarray(0, this.length));
      return to;
    };
    this.codes = copy(this.codes, new Uint16Array(capacity));
    this.start = copy(this.start, new Uint32Array(capacity));
    this.end = copy(this.end, new Uint32Array(capacity));
    this.flags = copy(this.flags, new Uint16Array(capacity));
    this.run = copy(this.run, new Uint8Array(capacity));
    this.token = copy(this.token, new Uint32Array(capacity));
  }

  push(code: number, start: number, end: number, flags: number, token: number): void {
    if (this.length === this.codes.length) this.reserve(this.codes.length * 2 + 64);
    const i = this.length++;
    this.codes[i] = code;
    this.start[i] = start;
    this.end[i] = end;
    this.flags[i] = flags;
    this.run[i] = 1;
    this.token[i] = token;
  }
}
