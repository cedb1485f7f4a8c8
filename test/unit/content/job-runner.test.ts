import { describe, expect, it } from 'vitest';
import { type JobChannel, JobRunner } from '../../../src/content/job-runner.ts';
import type { JobFinished, RunJob } from '../../../src/messaging/sending.ts';

const job: RunJob = {
  jobId: 'j1',
  threadId: '1-2',
  text: 'Hello',
  chunks: ['Hello'],
  keyDelaysMs: [10],
  typingStartAt: 0,
  seenOwnRows: null,
};

/** A page where the chat never renders: the typer waits for it, pausing through the worker each time. */
function setUp(href: string, channel: Partial<JobChannel> = {}) {
  const finished: JobFinished[] = [];
  let resolve: () => void = () => undefined;
  const done = new Promise<void>((r) => {
    resolve = r;
  });
  const runner = new JobRunner({
    page: {
      win: { location: { href } as Location },
      chatRoot: () => null,
      now: () => 0,
      activity: { lastInputAt: () => 0 },
      visible: () => false,
    },
    channel: {
      pause: async () => ({ go: true }),
      started: async () => ({ go: true }),
      ...channel,
      finished: async (report) => {
        finished.push(report);
        resolve();
      },
    },
    sleep: async () => undefined,
  });
  return { runner, finished, done };
}

describe('job runner in the page', () => {
  it('runs one job at a time, refuses a second meanwhile, and reports the outcome', async () => {
    const { runner, finished, done } = setUp('https://x.com/home');
    expect(runner.run(job)).toEqual({ accepted: true });
    expect(runner.busy).toBe(true);
    expect(runner.run({ ...job, jobId: 'j2' })).toEqual({ accepted: false, reason: 'busy' });
    await done;
    expect(finished).toEqual([{ jobId: 'j1', outcome: 'postponed', code: 'notLoaded' }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(runner.busy).toBe(false);
  });

  it('a worker that cannot be reached means stop: never go on without a fresh go-ahead', async () => {
    let pauses = 0;
    const { runner, finished, done } = setUp('https://x.com/i/chat/1-2', {
      pause: async () => {
        pauses++;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    });
    runner.run(job);
    await done;
    expect(pauses).toBe(1);
    expect(finished).toEqual([{ jobId: 'j1', outcome: 'stopped' }]);
  });
});
