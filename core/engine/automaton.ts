/**
 * Aho-Corasick automaton over UTF-16 code units: every pattern of every enabled rule is
 * found in one pass over the text, so the cost is linear in the text, not in
 * text × terms. Built once per set of packs and reused for every scan.
 *
 * Layout is flat typed arrays (no objects per state, during the build too: a Map per
 * state made compiling a 5,000-term pack mostly garbage collection). The root has a
 * dense 64K table, since most characters of a page leave the automaton at the root;
 * other states keep their few edges sorted, searched linearly or by bisection.
 */

export interface Automaton {
  readonly stateCount: number;
  readonly patternLengths: Int32Array;
  /** Calls `onMatch(pattern, end)` for every occurrence, `end` being the index of its last unit. */
  scan(codes: Uint16Array, length: number, onMatch: (pattern: number, end: number) => void): void;
}

const LINEAR_SEARCH_LIMIT = 8;

/** The trie while it is built: children as sibling lists in growable typed arrays. */
class TrieBuilder {
  firstChild = new Int32Array(1024).fill(-1);
  nextSibling = new Int32Array(1024).fill(-1);
  code = new Uint16Array(1024);
  ownPattern = new Int32Array(1024).fill(-1);
  childCount = new Int32Array(1024);
  /** Depth-1 states by code unit: the root has thousands of children (every CJK character). */
  readonly rootChild = new Int32Array(65536);
  size = 1;

  child(state: number, unit: number): number {
    if (state === 0) return this.rootChild[unit] || -1;
    for (let c = this.firstChild[state] as number; c >= 0; c = this.nextSibling[c] as number) {
      if (this.code[c] === unit) return c;
    }
    return -1;
  }

  addChild(state: number, unit: number): number {
    if (this.size === this.code.length) this.grow();
    const id = this.size++;
    this.code[id] = unit;
    this.nextSibling[id] = this.firstChild[state] as number;
    this.firstChild[state] = id;
    this.childCount[state] = (this.childCount[state] as number) + 1;
    if (state === 0) this.rootChild[unit] = id;
    return id;
  }

  private grow(): void {
    const capacity = this.code.length * 2;
    const widen = (from: Int32Array, fill: number) => {
      const to = new Int32Array(capacity).fill(fill);
      to.set(from);
      return to;
    };
    this.firstChild = widen(this.firstChild, -1);
    this.nextSibling = widen(this.nextSibling, -1);
    this.ownPattern = widen(this.ownPattern, -1);
    this.childCount = widen(this.childCount, 0);
    const code = new Uint16Array(capacity);
    code.set(this.code);
    this.code = code;
  }
}

export function buildAutomaton(patterns: readonly string[]): Automaton {
  const trie = new TrieBuilder();
  const patternLengths = new Int32Array(patterns.length);
  patterns.forEach((pattern, id) => {
    patternLengths[id] = pattern.length;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const unit = pattern.charCodeAt(i);
      const next = trie.child(state, unit);
      state = next >= 0 ? next : trie.addChild(state, unit);
    }
    if (pattern.length > 0) trie.ownPattern[state] = id;
  });
  const stateCount = trie.size;

  // Flatten edges, sorted by code unit, per state (the root keeps its dense table).
  const edgeStart = new Int32Array(stateCount + 1);
  let edgeTotal = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeStart[s] = edgeTotal;
    if (s !== 0) edgeTotal += trie.childCount[s] as number;
  }
  edgeStart[stateCount] = edgeTotal;
  const edgeCode = new Uint16Array(edgeTotal);
  const edgeTarget = new Int32Array(edgeTotal);
  for (let s = 1; s < stateCount; s++) {
    const from = edgeStart[s] as number;
    let at = from;
    for (let c = trie.firstChild[s] as number; c >= 0; c = trie.nextSibling[c] as number) {
      // Insertion sort: states have few children.
      let k = at++;
      const unit = trie.code[c] as number;
      while (k > from && (edgeCode[k - 1] as number) > unit) {
        edgeCode[k] = edgeCode[k - 1] as number;
        edgeTarget[k] = edgeTarget[k - 1] as number;
        k--;
      }
      edgeCode[k] = unit;
      edgeTarget[k] = c;
    }
  }
  const root = trie.rootChild;

  const step = (state: number, code: number): number => {
    if (state === 0) return root[code] as number;
    let lo = edgeStart[state] as number;
    let hi = edgeStart[state + 1] as number;
    if (hi - lo <= LINEAR_SEARCH_LIMIT) {
      for (; lo < hi; lo++) if (edgeCode[lo] === code) return edgeTarget[lo] as number;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = edgeCode[mid] as number;
      if (c === code) return edgeTarget[mid] as number;
      if (c < code) lo = mid + 1;
      else hi = mid;
    }
    return -1;
  };

  // Failure links and output links, breadth first.
  const own = trie.ownPattern.subarray(0, stateCount);
  const fail = new Int32Array(stateCount);
  const outputLink = new Int32Array(stateCount).fill(-1); // nearest proper suffix state with a pattern
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (let c = trie.firstChild[0] as number; c >= 0; c = trie.nextSibling[c] as number) queue[tail++] = c;
  while (head < tail) {
    const state = queue[head++] as number;
    for (let target = trie.firstChild[state] as number; target >= 0; target = trie.nextSibling[target] as number) {
      const code = trie.code[target] as number;
      let f = fail[state] as number;
      let next = step(f, code);
      while (next <= 0 && f !== 0) {
        f = fail[f] as number;
        next = step(f, code);
      }
      const failTarget = next > 0 && next !== target ? next : 0;
      fail[target] = failTarget;
      outputLink[target] = (own[failTarget] as number) >= 0 ? failTarget : (outputLink[failTarget] as number);
      queue[tail++] = target;
    }
  }
  const hasOutput = new Uint8Array(stateCount);
  for (let s = 0; s < stateCount; s++) hasOutput[s] = (own[s] as number) >= 0 || (outputLink[s] as number) >= 0 ? 1 : 0;

  return {
    stateCount,
    patternLengths,
    scan(codes, length, onMatch) {
      let state = 0;
      for (let i = 0; i < length; i++) {
        const code = codes[i] as number;
        let next = state === 0 ? (root[code] as number) : step(state, code);
        while (next < 0) {
          state = fail[state] as number;
          next = state === 0 ? (root[code] as number) : step(state, code);
        }
        state = next;
        if (hasOutput[state] === 1) {
          let s = (own[state] as number) >= 0 ? state : (outputLink[state] as number);
          while (s >= 0) {
            onMatch(own[s] as number, i);
            s = outputLink[s] as number;
          }
        }
      }
    },
  };
}
