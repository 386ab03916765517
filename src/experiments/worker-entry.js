// Entry point of the experiment worker threads (piscina). The cells are
// TypeScript, so each worker registers the tsx loader first.
import { register } from 'tsx/esm/api';

register();
const { runCellTask } = await import('./cell-worker.ts');
export default runCellTask;
