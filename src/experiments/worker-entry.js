// Entry point of the arena's worker threads (piscina). The engine is
// TypeScript, so each worker registers the tsx loader first.
import { register } from 'tsx/esm/api';

register();
const { runWorkerTask } = await import('./cell-worker.ts');
export default runWorkerTask;
