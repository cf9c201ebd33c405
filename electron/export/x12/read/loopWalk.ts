// Loop structure of one transaction set, driven by a grammar table: which segment opens which
// loop, which parents a loop may sit in and in what order, which segments a loop holds and which
// it must hold. What segments mean is left to the hooks, so the walk serves any transaction set.
import type { Issues } from './issues.ts';
import type { TransactionSpan } from './envelope.ts';

export interface LoopDef {
  /** segment ids allowed in the loop, in the order the map requires */
  order: readonly string[];
  /** segment ids the loop must contain */
  required: readonly string[];
  /** allowed parent loops; none for the header, which every other loop sits in */
  parents: readonly string[];
  /** rank among the parent's child loops: a lower rank may not follow a higher one */
  rank: number;
  /** the segment that opens the loop: its id, or `id*qualifier` for an id listed in Grammar.qualified */
  opensWith: readonly string[];
}

export interface Qualifier {
  /** the element that picks the loop (NM101, HL03) */
  element: number;
  /** how many elements an "unexpected" message repeats */
  shown: number;
}

export interface Grammar {
  loops: Readonly<Record<string, LoopDef>>;
  /** ids that open one loop or another by a qualifier, so an unknown qualifier is an error, not content */
  qualified: ReadonlyMap<string, Qualifier>;
}

export interface OpenLoop {
  readonly loop: string;
  readonly def: LoopDef;
  /** segment index of the opening segment */
  readonly at: number;
  /** position in LoopDef.order of the last segment seen */
  pos: number;
  readonly seen: Set<string>;
  /** highest rank among the child loops opened so far */
  childRank: number;
}

export interface WalkHooks {
  /** `loop` opens at segment `i`; the loops it ends are closed already */
  open(loop: string, i: number): void;
  /** segment `s`, at index `i`, sits in `loop` (its opener included), whose enclosing loop is `parent` */
  segment(s: readonly string[], i: number, loop: string, parent: OpenLoop | undefined): void;
  /** SE reached; called before the loops still open are closed */
  end(): void;
}

interface Candidate {
  loop: string;
  def: LoopDef;
}
type Candidates = readonly [Candidate, ...Candidate[]];

/** opening key → loops it may open, in table order (the first is taken when no parent is open) */
function openersOf(grammar: Grammar): Map<string, Candidates> {
  const index = new Map<string, Candidates>();
  for (const [loop, def] of Object.entries(grammar.loops)) {
    for (const key of def.opensWith) {
      const before = index.get(key);
      index.set(key, before ? [...before, { loop, def }] : [{ loop, def }]);
    }
  }
  return index;
}

/** The same NM1*82 is 2310B or 2420A: the innermost open loop that can be a parent decides. */
function pick(candidates: Candidates, stack: readonly OpenLoop[]): Candidate {
  for (let d = stack.length - 1; d >= 0; d--) {
    const found = candidates.find((c) => c.def.parents.includes(stack[d]!.loop));
    if (found) return found;
  }
  return candidates[0];
}

export function walkLoops(segments: readonly (readonly string[])[], span: TransactionSpan, grammar: Grammar, issues: Issues, hooks: WalkHooks): void {
  const openers = openersOf(grammar);
  const stack: OpenLoop[] = [];
  /** Innermost first, so a loop's missing segments are reported before its parent's. */
  const close = (down: number) => {
    for (const o of stack.splice(down).reverse()) {
      for (const r of o.def.required) if (!o.seen.has(r)) issues.error(o.at, o.loop, `loop ${o.loop} lacks its required ${r}`);
    }
  };
  /** False when the loop cannot open here; the segment is then reported and skipped. */
  const enter = ({ loop, def }: Candidate, i: number): boolean => {
    let depth = stack.length;
    while (depth > 0 && !def.parents.includes(stack[depth - 1]!.loop)) depth--;
    if (def.parents.length === 0) depth = 0;
    else if (depth === 0) {
      issues.error(i, loop, `loop ${loop} outside ${def.parents.join('/')}`);
      return false;
    }
    close(depth);
    const parent = stack[depth - 1];
    if (parent) {
      if (def.rank < parent.childRank) issues.error(i, loop, `loop ${loop} is out of order inside ${parent.loop}`);
      parent.childRank = Math.max(parent.childRank, def.rank);
    }
    hooks.open(loop, i);
    stack.push({ loop, def, at: i, pos: -1, seen: new Set(), childRank: 0 });
    return true;
  };
  for (let i = span.st; i <= span.se; i++) {
    const s = segments[i] ?? [];
    const id = s[0] ?? '';
    if (id === 'SE') {
      hooks.end();
      close(0);
      return;
    }
    const q = grammar.qualified.get(id);
    const candidates = openers.get(q ? `${id}*${s[q.element]}` : id);
    if (q && !candidates) {
      const shown = Array.from({ length: q.shown + 1 }, (_, k) => `${s[k]}`).join('*');
      issues.error(i, stack.at(-1)?.loop ?? '', `unexpected ${shown}`);
      continue;
    }
    // SBR opens 2320 inside a claim but is plain content of 2000B: an opener whose loop has no
    // parent open here, in a loop that lists it, is that loop's segment.
    const chosen = candidates ? pick(candidates, stack) : null;
    const asContent = chosen !== null && !q && !stack.some((o) => chosen.def.parents.includes(o.loop)) && (stack.at(-1)?.def.order.includes(id) ?? false);
    if (chosen && !asContent && !enter(chosen, i)) continue;
    const top = stack.at(-1);
    if (!top) {
      issues.error(i, '', `${id} outside the transaction structure`);
      continue;
    }
    const order = top.def.order;
    const pos = order.indexOf(id);
    if (pos < 0) issues.error(i, top.loop, `${id} is not expected in loop ${top.loop}`);
    else if (pos < top.pos) issues.error(i, top.loop, `${id} is out of order in loop ${top.loop} (after ${order[top.pos]})`);
    else top.pos = pos;
    top.seen.add(id);
    hooks.segment(s, i, top.loop, stack.at(-2));
  }
}
