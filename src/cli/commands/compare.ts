import type { Command } from 'commander';
import { InputError } from '../../core/instance.js';
import { parseSpec } from '../../experiments/spec.js';
import type { CliIO } from '../io.js';
import { integer, number, positiveInteger } from '../parse.js';
import { runAndPrint } from './run.js';

interface Options {
  mechanisms: string;
  m: string;
  sigma: number;
  nStar?: number;
  cost?: number;
  seed: number;
  workers: number;
  out?: string;
  json?: boolean;
}

export function compareCommand(program: Command, io: CliIO): void {
  program
    .command('compare')
    .description(
      'Head to head on the same instances and random numbers: social penalty, global minimum, ratio, IR, the best deviation ' +
        'the search finds (with its CI and verdict) and the price of stability where known; a ranked table, CSV and a report.',
    )
    .requiredOption('--mechanisms <LIST>', 'comma-separated mechanisms, e.g. pool,pcs,c3d,cded')
    .option('--m <LIST>', 'comma-separated numbers of agents', '5,10,25')
    .option('--sigma <S>', 'σ', number, 1)
    .option('--n-star <N>', 'aim at n* = N by setting c = σ²/(m·N²) (default 10)', positiveInteger)
    .option('--cost <C>', 'cost per sample (instead of --n-star)', number)
    .option('--seed <N>', 'master seed', integer, 1)
    .option('--workers <N>', 'worker threads', positiveInteger, 1)
    .option('--out <DIR>', 'output folder (default results/compare)')
    .option('--json', 'print JSON')
    .action(async (o: Options) => {
      if (o.cost !== undefined && o.nStar !== undefined) throw new InputError('--cost', 'give --cost or --n-star, not both');
      const ms = o.m.split(',').map((s) => Number(s.trim()));
      if (ms.some((m) => !Number.isInteger(m) || m < 2)) throw new InputError('--m', `must be integers >= 2 (got "${o.m}")`);
      const mechanisms = o.mechanisms.split(',').map((s) => s.trim()).filter(Boolean);
      const spec = parseSpec(
        {
          name: 'compare',
          description: `Head to head of ${mechanisms.join(', ')} for m ∈ {${ms.join(', ')}}.`,
          seed: o.seed,
          grid: { m: ms, sigma: [o.sigma], ...(o.cost !== undefined ? { cost: [o.cost] } : { nStar: [o.nStar ?? 10] }) },
          mechanisms,
          tasks: [{ kind: 'theory' }, { kind: 'search' }],
          charts: [
            { id: 'ratio', title: 'Social penalty at s* / global minimum', task: 'theory', x: 'm', y: 'ratio', color: 'mechanism' },
            { id: 'best-gain', title: 'Best deviation gain found by the search', task: 'search', x: 'm', y: 'maxGain', color: 'mechanism' },
          ],
        },
        'compare',
      );
      await runAndPrint(spec, undefined, { workers: o.workers, out: o.out, json: o.json }, io);
    });
}
