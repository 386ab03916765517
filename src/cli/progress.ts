import cliProgress from 'cli-progress';
import type { EventBus } from '../engine/events.js';
import type { CliIO } from './io.js';

/**
 * A progress bar on stderr (cli-progress), fed by the engine's event stream.
 * Shown only when stderr is a terminal and the output is not JSON. Returns
 * a function that stops it.
 */
export function attachProgress(events: EventBus, _io: CliIO, enabled = Boolean(process.stderr.isTTY)): () => void {
  if (!enabled) return () => {};
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: '{task} [{bar}] {percentage}% | ETA {eta_formatted}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let task = '';
  const sub = events.events$.subscribe((e) => {
    if (e.type !== 'progress') return;
    if (e.task !== task) {
      if (task) bar.stop();
      task = e.task;
      bar.start(e.total, e.done, { task });
    } else {
      bar.update(e.done, { task });
    }
  });
  return () => {
    sub.unsubscribe();
    if (task) bar.stop();
  };
}
