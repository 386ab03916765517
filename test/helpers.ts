import { main } from '../src/cli/main.js';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** S10 of spec/000 §8: m = 10, σ = 1, c = 0.001, n* = 10. */
export const S10 = ['--m', '10', '--sigma', '1', '--cost', '0.001'];
