import type { EventBus } from '../engine/events.js';
import type { CliIO } from './io.js';

/**
 * Shows progress on stderr while a long computation runs, when stderr is a
 * terminal. Returns a function that detaches it.
 */
export function attachProgress(events: EventBus, io: CliIO, enabled = Boolean(process.stderr.isTTY)): () => void {
  if (!enabled) return () => {};
  let last = '';
  const sub = events.events$.subscribe((e) => {
    if (e.type !== 'progress') return;
    const pct = Math.floor((100 * e.done) / e.total);
    const line = `\r${e.task}: ${pct}%`;
    if (line !== last) io.err(line.padEnd(60));
    last = line;
  });
  return () => {
    sub.unsubscribe();
    if (last) io.err('\r'.padEnd(61) + '\r');
  };
}
