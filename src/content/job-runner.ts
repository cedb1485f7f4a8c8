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

/**
 * Runs at most one job at a time in this page (a tab types one reply at once) and reports its outcome.
 * Losing the worker counts as "stop": the lease would lapse and another tab could take the job over, so
 * this page must never press send without a fresh go-ahead.
 */
export class JobRunner {
  #current: string | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  get busy(): boolean {
    return this.#current !== null;
  }

  run(job: RunJob): RunJobAnswer {
    if (this.#current) return { accepted: false, reason: 'busy' };
    this.#current = job.jobId;
    void this.#execute(job).finally(() => {
      this.#current = null;
    });
    return { accepted: true };
  }

  /**
   * Every pause and the start ask the worker, which answers from the stored job: a reply cancelled in the
   * meantime (away off, a stop, the popup) gets `go: false` there, and the last pause before send is
   * answered only after its wait, so nothing cancelled is ever pressed.
   */
  async #execute(job: RunJob): Promise<void> {
    const { channel } = this.deps;
    const typerDeps: TyperDeps = {
      ...this.deps.page,
      pause: async (ms, final = false) => {
        try {
          const { go } = await channel.pause(job.jobId, ms, final);
          return go;
        } catch {
          await this.deps.sleep(ms);
          return false;
        }
      },
      started: async (rows) => {
        try {
          return (await channel.started(job.jobId, rows)).go;
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
