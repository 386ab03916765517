import { Piscina } from 'piscina';
import { InputError } from '../core/instance.js';
import type { WorkerTask } from './cell-worker.js';

/** Thrown when a task overran its time limit; the worker running it was stopped. */
export class TimeoutError extends InputError {
  constructor(what: string, seconds: number) {
    super(what, `did not finish within ${seconds} s and was stopped (a plugin that never returns?)`);
    this.name = 'TimeoutError';
  }
}

/** A piscina pool of arena worker threads whose tasks can be given a time limit. */
export class WorkerPool {
  private readonly pool: Piscina;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly threads: number) {
    this.pool = new Piscina({ filename: new URL('./worker-entry.js', import.meta.url).href, maxThreads: threads, minThreads: threads });
  }

  /** At most `threads` tasks are handed to piscina at once, so a time limit counts from a task's start, not from its queueing. */
  private async slot(): Promise<void> {
    if (this.running < this.threads) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  /**
   * Runs a task on a worker. With a limit, a task still running after
   * `seconds` is aborted: piscina ends the thread (the only way to stop
   * synchronous code that loops forever) and starts a fresh one.
   */
  async run<T>(task: WorkerTask, seconds: number | undefined, what: string): Promise<T> {
    await this.slot();
    const ac = new AbortController();
    const timer = seconds === undefined ? undefined : setTimeout(() => ac.abort(), seconds * 1000);
    try {
      return (await this.pool.run(task, { signal: ac.signal })) as T;
    } catch (e) {
      if (ac.signal.aborted && seconds !== undefined) throw new TimeoutError(what, seconds);
      throw e;
    } finally {
      clearTimeout(timer);
      this.release();
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
