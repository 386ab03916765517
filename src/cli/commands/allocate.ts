import type { Command } from 'commander';
import { InputError } from '../../core/instance.js';
import { allocate, smPenalties, socialPenalty, soloPenalties } from '../../theory/heterogeneous/allocations.js';
import { loadInstanceFile } from '../../theory/heterogeneous/instance-file.js';
import type { CliIO } from '../io.js';
import { infinityAsText } from '../heterogeneous-theory.js';
import { fmt, formatTable } from '../table.js';

const RULES = ['opt', 'nash', 'egalitarian', 'ks', 'social', 'alone'] as const;
type Rule = (typeof RULES)[number];

export function allocateCommand(program: Command, io: CliIO): void {
  program
    .command('allocate')
    .description(
      'Heterogeneous agents (seed 001): who should collect what. Prints the allocation n[i][k] of a rule and its penalties ' +
        'under pool-everything (sm); --rule alone prints the working-alone penalties.',
    )
    .requiredOption('--instance <FILE>', 'instance JSON: {"sigma": 10, "costs": [[0.033], [0.066], [0.1]]}')
    .requiredOption('--rule <RULE>', `allocation rule: ${RULES.join('|')}`)
    .option('--json', 'print JSON')
    .action((o: { instance: string; rule: string; json?: boolean }) => {
      if (!RULES.includes(o.rule as Rule)) throw new InputError('--rule', `must be one of ${RULES.join(', ')} (got "${o.rule}")`);
      const { instance } = loadInstanceFile(o.instance);
      const rule = o.rule as Rule;
      const n = allocate(instance, rule);
      const agentPenalties = rule === 'alone' ? soloPenalties(instance) : smPenalties(instance, n);
      const social = rule === 'alone' ? agentPenalties.reduce((a, b) => a + b, 0) : socialPenalty(instance, n);
      const out = { rule, instance, allocation: n, agentPenalties, socialPenalty: social };
      if (o.json) {
        io.out(`${JSON.stringify(out, infinityAsText, 2)}\n`);
        return;
      }
      const d = instance.costs[0].length;
      const rows = n.map((row, i) => [String(i), ...row.map((x) => fmt(x, 6)), fmt(agentPenalties[i], 6)]);
      io.out(`${rule} allocation (σ = ${instance.sigma}); penalties ${rule === 'alone' ? 'working alone' : 'under sm'}\n`);
      io.out(`${formatTable(['agent', ...Array.from({ length: d }, (_, k) => `n[·][${k}]`), 'penalty'], rows)}\nsocial penalty ${fmt(social, 8)}\n`);
    });
}
