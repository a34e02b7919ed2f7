/**
 * Aho-Corasick automaton over UTF-16 code units: every pattern of every enabled rule is
 * found in one pass over the text, so the cost is linear in the text, not in
 * text × terms. Built once per set of packs and reused for every scan.
 *
 * Layout is flat typed arrays (no objects per state): the root has a dense 64K table,
 * since most characters of a page leave the automaton at the root; other states keep
 * their few edges sorted, searched linearly or by bisection.
 */

export interface Automaton {
  readonly stateCount: number;
  readonly patternLengths: Int32Array;
  /** Calls `onMatch(pattern, end)` for every occurrence, `end` being the index of its last unit. */
  scan(codes: Uint16Array, length: number, onMatch: (pattern: number, end: number) => void): void;
}

const LINEAR_SEARCH_LIMIT = 8;

export function buildAutomaton(patterns: readonly string[]): Automaton {
  // Trie with one Map per state while building.
  const children: Map<number, number>[] = [new Map()];
  const depth: number[] = [0];
  const ownPattern: number[] = [-1];
  const patternLengths = new Int32Array(patterns.length);
  patterns.forEach((pattern, id) => {
    patternLengths[id] = pattern.length;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      const map = children[state] as Map<number, number>;
      let next = map.get(code);
      if (next === undefined) {
        next = children.length;
        map.set(code, next);
        children.push(new Map());
        depth.push(depth[state] as number + 1);
        ownPattern.push(-1);
      }
      state = next;
    }
    if (pattern.length > 0) ownPattern[state] = id;
  });
  const stateCount = children.length;

  // Flatten edges.
  const edgeStart = new Int32Array(stateCount + 1);
  let edgeTotal = 0;
  for (let s = 0; s < stateCount; s++) {
    edgeStart[s] = edgeTotal;
    edgeTotal += s === 0 ? 0 : (children[s] as Map<number, number>).size;
  }
  edgeStart[stateCount] = edgeTotal;
  const edgeCode = new Uint16Array(edgeTotal);
  const edgeTarget = new Int32Array(edgeTotal);
  for (let s = 1; s < stateCount; s++) {
    const sorted = [...(children[s] as Map<number, number>)].sort((a, b) => a[0] - b[0]);
    let at = edgeStart[s] as number;
    for (const [code, target] of sorted) {
      edgeCode[at] = code;
      edgeTarget[at] = target;
      at++;
    }
  }
  const root = new Int32Array(65536);
  for (const [code, target] of children[0] as Map<number, number>) root[code] = target;

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
  const fail = new Int32Array(stateCount);
  const outputLink = new Int32Array(stateCount).fill(-1); // nearest proper suffix state with a pattern
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  for (const target of (children[0] as Map<number, number>).values()) {
    fail[target] = 0;
    queue[tail++] = target;
  }
  while (head < tail) {
    const state = queue[head++] as number;
    for (const [code, target] of children[state] as Map<number, number>) {
      let f = fail[state] as number;
      let next = step(f, code);
      while (next < 0 && f !== 0) {
        f = fail[f] as number;
        next = step(f, code);
      }
      const failTarget = next > 0 && next !== target ? next : 0;
      fail[target] = failTarget;
      outputLink[target] = (ownPattern[failTarget] as number) >= 0 ? failTarget : (outputLink[failTarget] as number);
      queue[tail++] = target;
    }
  }
  const own = Int32Array.from(ownPattern);
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
