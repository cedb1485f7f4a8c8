import { describe, expect, it } from 'vitest';
import { warmRounds } from '../../../bench/popup.ts';

describe('warmRounds: the order of warm popup opens across builds', () => {
  it('opens every build once per round, one round per open after the cold one', () => {
    const rounds = warmRounds(3, 7);
    expect(rounds).toHaveLength(6);
    for (const round of rounds) expect([...round].sort()).toEqual([0, 1, 2]);
  });

  it('gives each build every place in turn, so none always follows the same neighbour', () => {
    const rounds = warmRounds(2, 5);
    expect(rounds).toEqual([
      [1, 0],
      [0, 1],
      [1, 0],
      [0, 1],
    ]);
    const firsts = warmRounds(3, 7).map((round) => round[0]);
    expect(new Set(firsts)).toEqual(new Set([0, 1, 2]));
  });

  it('has nothing left after the cold open for a single run, and one build keeps its place', () => {
    expect(warmRounds(2, 1)).toEqual([]);
    expect(warmRounds(1, 3)).toEqual([[0], [0]]);
  });
});
