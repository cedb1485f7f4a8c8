import type { JobFinished, RunJob, RunJobAnswer } from '../messaging/sending.ts';
import { runTyper, type TyperDeps, type TyperOutcome } from './typer.ts';

/** How the runner reaches the worker; each call throws when the worker cannot be reached. */
export interface JobChannel {
  pause(jobId: string, waitMs: number, final: boolean): Promise<{ go: boolean }>;
  started(jobId: string, ownRowsBefore: string[]): Promise<{ go: boolean }>;
  finished(report: JobFinished): Promise<unknown>;
}

export interface RunnerDeps {
  page: Omit<TyperDeps, 'pause' | 'started'>;
  channel: JobChannel;
  /** A plain wait in the page, used only when the worker cannot answer a pause. */
  sleep(ms: number): Promise<void>;
}

interface Running {
  jobId: string;
  stopRequested: boolean;
}

/**
 * Runs at most one job at a time in this page (a tab types one reply at once) and reports its outcome.
 * Losing the worker counts as "stop": the lease would lapse and another tab could take the job over, so
 * this page must never press send without a fresh go-ahead.
 */
export class JobRunner {
  #current: Running | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  get busy(): boolean {
    return this.#current !== null;
  }

  run(job: RunJob): RunJobAnswer {
    if (this.#current) return { accepted: false, reason: 'busy' };
    const running: Running = { jobId: job.jobId, stopRequested: false };
    this.#current = running;
    void this.#execute(job, running).finally(() => {
      this.#current = null;
    });
    return { accepted: true };
  }

  /** The worker asks to stop this job (away switched off): the typer removes its text at the next pause. */
  abort(jobId: string): { stopped: boolean } {
    if (this.#current?.jobId !== jobId) return { stopped: false };
    this.#current.stopRequested = true;
    return { stopped: true };
  }

  async #execute(job: RunJob, running: Running): Promise<void> {
    const { channel } = this.deps;
    const typerDeps: TyperDeps = {
      ...this.deps.page,
      pause: async (ms, final = false) => {
        try {
          const { go } = await channel.pause(job.jobId, ms, final);
          return go && !running.stopRequested;
        } catch {
          await this.deps.sleep(ms);
          return false;
        }
      },
      started: async (rows) => {
        try {
          return (await channel.started(job.jobId, rows)).go && !running.stopRequested;
        } catch {
          return false;
        }
      },
    };
    let outcome: TyperOutcome;
    try {
      outcome = await runTyper(job, typerDeps);
    } catch (error) {
      console.error('Away for X: typing a reply failed', error);
      outcome = { outcome: 'failed', code: 'textRejected' };
    }
    try {
      await channel.finished({ jobId: job.jobId, ...outcome });
    } catch (error) {
      // The lease lapses and the next attempt looks at the thread first, so nothing is sent twice.
      console.warn('Away for X: could not report a reply', error);
    }
  }
}
