import { threadWith } from '../../test/e2e/sending-helpers.ts';
import type { Person, Seed } from '../../test/fixtures/fake-x/src/api.ts';

/** The demo's cast: each one shows one thing the extension does. */
export const CAST = {
  alice: { id: '2101', handle: 'alice_m', name: 'Alice Martin' },
  ben: { id: '2102', handle: 'ben_builds', name: 'Ben Okafor' },
  carla: { id: '2103', handle: 'carla_r', name: 'Carla Ruiz' },
  dan: { id: '2104', handle: 'dan_ooo', name: 'Dan Weber' },
  erin: { id: '2105', handle: 'erin_k', name: 'Erin Kim' },
  farid: { id: '2106', handle: 'farid_n', name: 'Farid Nasser' },
} satisfies Record<string, Person>;

/** X's 1:1 thread id with the demo's account (the fake's default, id 1000, as in the sending tests). */
export const threadOf = (person: Person): string => threadWith(person);

export const GROUP_THREAD = 'g880001';

/** Everyone already talked with you before you left; the group planned a weekend. */
export function demoSeed(): Seed {
  const old = (from: string, text: string, minutesAgo: number) => ({ from, text, minutesAgo });
  return {
    threads: [
      {
        with: [CAST.alice],
        history: [old('alice_m', 'See you at the conference!', 3000), old('me', 'Yes, see you there', 2990)],
      },
      { with: [CAST.ben], history: [old('ben_builds', 'Thanks for the intro last week', 5000)] },
      { with: [CAST.carla], history: [old('carla_r', 'Newsletter #12 is out', 7000)] },
      { with: [CAST.dan], history: [old('me', 'Can we move our call?', 4000)] },
      {
        kind: 'group',
        id: GROUP_THREAD,
        name: 'Weekend trip',
        with: [CAST.erin, CAST.farid],
        history: [old('erin_k', 'Train tickets booked', 2000)],
      },
      { with: [CAST.farid], history: [old('farid_n', 'Great talk yesterday', 1500)] },
    ],
  };
}

/** Handle → display name, to say who did what in the log. */
export function nameOf(handle: string): string {
  const person = Object.values(CAST).find((p) => p.handle === handle);
  return person ? `${person.name} (@${handle})` : `@${handle}`;
}
