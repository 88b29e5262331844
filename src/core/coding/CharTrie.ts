/** Mixes a node and a UTF-16 code unit into a 32-bit hash. */
function hash(node: number, code: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(code + 1, 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The characters of a set of terms as a trie of numbered nodes (the root is 0), its edges in one
 * open-addressing table of typed arrays. TermIndex walks a unit's tokens through it, so no string of
 * a run of tokens is built or hashed: a unit is mostly looked up before the JIT has optimised much,
 * and the concatenated runs were most of findAll's time and garbage; a Map per node still cost a
 * builtin call per character.
 */
export class CharTrie {
  /** node * 0x10000 + code unit of each edge, -1 where the slot is free; the size a power of two. */
  private keys = new Float64Array(64).fill(-1);
  private targets = new Int32Array(64);
  private edges = 0;
  /** Nodes made so far, the root included. */
  nodes = 1;

  /** The node reached from `node` by one code unit, or -1. */
  child(node: number, code: number): number {
    const keys = this.keys;
    const mask = keys.length - 1;
    const key = node * 0x10000 + code;
    for (let slot = hash(node, code) & mask; ; slot = (slot + 1) & mask) {
      const k = keys[slot]!;
      if (k === key) return this.targets[slot]!;
      if (k === -1) return -1;
    }
  }

  /** The node reached from `node` by every code unit of `token`, or -1 when no term continues so. */
  walk(node: number, token: string): number {
    let at = node;
    for (let c = 0; c < token.length && at >= 0; c++) at = this.child(at, token.charCodeAt(c));
    return at;
  }

  /** The node a term ends at, made with the nodes before it where missing. */
  add(term: string): number {
    let node = 0;
    for (let c = 0; c < term.length; c++) {
      const code = term.charCodeAt(c);
      let next = this.child(node, code);
      if (next < 0) {
        next = this.nodes++;
        this.insert(node, code, next);
      }
      node = next;
    }
    return node;
  }

  private insert(node: number, code: number, target: number): void {
    if ((this.edges + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = hash(node, code) & mask;
    while (this.keys[slot] !== -1) slot = (slot + 1) & mask;
    this.keys[slot] = node * 0x10000 + code;
    this.targets[slot] = target;
    this.edges++;
  }

  private grow(): void {
    const keys = this.keys;
    const targets = this.targets;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.targets = new Int32Array(keys.length * 2);
    this.edges = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.insert(Math.floor(keys[i]! / 0x10000), keys[i]! % 0x10000, targets[i]!);
  }
}
