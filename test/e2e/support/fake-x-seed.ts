import type { Seed } from '../../fixtures/fake-x/src/api.ts';

/** A small account used by the fake's own tests and handy for others: 1:1s, a group, a request, a long thread. */
export const PEOPLE = {
  alice: { id: '2001', handle: 'alice', name: 'Alice Martin' },
  bob: { id: '2002', handle: 'bob', name: 'Bob Stone' },
  carol: { id: '2003', handle: 'carol', name: 'Carol Diaz' },
  dan: { id: '2004', handle: 'dan', name: 'Dan Request' },
  erin: { id: '2005', handle: 'erin', name: 'Erin Long' },
};

export const THREADS = {
  alice: '1000-2001',
  bob: '1000-2002',
  group: 'g770001',
  dan: '1000-2004',
  erin: '1000-2005',
};

export function sampleSeed(): Seed {
  return {
    threads: [
      {
        with: [PEOPLE.alice],
        history: [
          { from: 'alice', text: 'Hi there', minutesAgo: 30 },
          { from: 'me', text: 'Hello!', minutesAgo: 29 },
          { from: 'alice', text: 'Are you around next week?', minutesAgo: 28 },
        ],
      },
      { with: [PEOPLE.bob], history: [{ from: 'bob', text: 'Lunch?', minutesAgo: 120 }] },
      {
        kind: 'group',
        id: THREADS.group,
        name: 'Weekend trip',
        with: [PEOPLE.bob, PEOPLE.carol],
        history: [{ from: 'carol', text: 'Tickets booked', minutesAgo: 300 }],
      },
      {
        kind: 'request',
        with: [PEOPLE.dan],
        history: [{ from: 'dan', text: 'Can I ask you something?', minutesAgo: 10 }],
      },
      {
        with: [PEOPLE.erin],
        history: Array.from({ length: 60 }, (_, i) => ({
          from: i % 2 ? 'me' : 'erin',
          text: `message ${i + 1}`,
          minutesAgo: 1000 - i,
        })),
      },
    ],
  };
}
