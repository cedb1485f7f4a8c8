import { atomsOverlap } from './regex-chars.ts';
import type { RegexNode } from './regex-parse.ts';

/**
 * Polynomial blow-ups: after an unbounded repeat R1, can the text go on through characters R1 could
 * have eaten as well, into another unbounded repeat R2 that also shares characters with R1? Then a run of
 * such characters splits between R1, the middle and R2 in n² ways, for each of n start positions:
 * `a.*b.*c.*d` takes over a minute on 2,000 characters, `\d+\d\d+$` seconds. `\w+@\w+` is fine: `\w`
 * cannot eat the `@`.
 *
 * The regex becomes a Glushkov graph: one node per character atom, an edge where one atom can be followed
 * by another. From the atoms that can end R1, the search walks forward through atoms overlapping R1 and
 * fails on reaching an atom inside another unbounded repeat.
 */

interface Info {
  nullable: boolean;
  first: number[];
  last: number[];
}

interface Repeat {
  node: RegexNode;
  inside: Set<number>;
  last: number[];
}

class FollowGraph {
  readonly atoms: string[] = [];
  /** For each atom, the unbounded repeats around it. */
  readonly owners: RegexNode[][] = [];
  readonly follow: Set<number>[] = [];
  readonly repeats: Repeat[] = [];

  visit(node: RegexNode, owners: RegexNode[]): Info {
    switch (node.type) {
      case 'char': {
        const id = this.atoms.push(node.source) - 1;
        this.owners.push(owners);
        this.follow.push(new Set());
        return { nullable: false, first: [id], last: [id] };
      }
      case 'group':
        // Lookarounds consume nothing in the main match.
        return node.lookaround ? empty() : this.visit(node.body, owners);
      case 'alternation': {
        const infos = node.alternatives.map((seq) => this.sequence(seq, owners));
        return {
          nullable: infos.some((i) => i.nullable),
          first: infos.flatMap((i) => i.first),
          last: infos.flatMap((i) => i.last),
        };
      }
      case 'quantifier': {
        const start = this.atoms.length;
        const unbounded = node.max === Number.POSITIVE_INFINITY;
        const body = this.visit(node.body, unbounded ? [...owners, node] : owners);
        if (node.max > 1) this.link(body.last, body.first);
        if (unbounded) {
          const inside = new Set(Array.from({ length: this.atoms.length - start }, (_, k) => start + k));
          this.repeats.push({ node, inside, last: body.last });
        }
        return { ...body, nullable: node.min === 0 || body.nullable };
      }
      default:
        return empty();
    }
  }

  private sequence(seq: readonly RegexNode[], owners: RegexNode[]): Info {
    let info: Info = empty();
    for (const item of seq) {
      const next = this.visit(item, owners);
      this.link(info.last, next.first);
      info = {
        nullable: info.nullable && next.nullable,
        first: info.nullable ? [...info.first, ...next.first] : info.first,
        last: next.nullable ? [...info.last, ...next.last] : next.last,
      };
    }
    return info;
  }

  private link(from: readonly number[], to: readonly number[]): void {
    for (const p of from) for (const q of to) this.follow[p]!.add(q);
  }
}

function empty(): Info {
  return { nullable: true, first: [], last: [] };
}

/** The position of the second repeat of the first dangerous pair, or null. */
export function overlappingRepeat(root: RegexNode): number | null {
  const graph = new FollowGraph();
  graph.visit(root, []);
  for (const repeat of graph.repeats) {
    const chars = [...repeat.inside].map((p) => graph.atoms[p]!);
    const seen = new Set<number>();
    // Breadth first, so the nearest offending repeat is the one reported.
    const queue = repeat.last.flatMap((p) => [...graph.follow[p]!]);
    for (let head = 0; head < queue.length; head++) {
      const p = queue[head]!;
      if (repeat.inside.has(p) || seen.has(p)) continue;
      seen.add(p);
      if (!atomsOverlap([graph.atoms[p]!], chars)) continue;
      const other = graph.owners[p]!.at(-1);
      if (other) return other.position;
      queue.push(...graph.follow[p]!);
    }
  }
  return null;
}
