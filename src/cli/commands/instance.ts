import type { Command } from 'commander';
import { InputError } from '../../core/instance.js';
import { thm4CblSocialClosedForm, thm4Instance, thm4LowerBoundRatio, thm4Opt } from '../../theory/heterogeneous/thm4.js';
import type { CliIO } from '../io.js';
import { integer, number } from '../parse.js';

interface Thm4Options {
  m: number;
  sigma: number;
  gamma: number;
}

/** 6 significant digits, as spec/001 prints its tables. */
const sig = (x: number) => String(Number(x.toPrecision(6)));

/**
 * An instance file (instance-file.ts format) as text: one key per line and one matrix row per
 * line, ∞ written "inf".
 */
export function formatInstanceFile(file: { name: string; description: string; sigma: number; costs: readonly (readonly number[])[]; allocation: readonly (readonly number[])[] }): string {
  const matrix = (rows: readonly (readonly number[])[]) =>
    `[\n${rows.map((row) => `    [${row.map((v) => (v === Infinity ? '"inf"' : JSON.stringify(v))).join(', ')}]`).join(',\n')}\n  ]`;
  return (
    `{\n  "name": ${JSON.stringify(file.name)},\n  "description": ${JSON.stringify(file.description)},\n` +
    `  "sigma": ${JSON.stringify(file.sigma)},\n  "costs": ${matrix(file.costs)},\n  "allocation": ${matrix(file.allocation)}\n}\n`
  );
}

/** Seed 001 Thm 4's instance (19) with the even split of spec/001 §5.6, as an instance file. */
export function thm4File(m: number, sigma: number, gamma: number): string {
  const { instance, allocation } = thm4Instance(m, sigma, gamma);
  const N = sigma * Math.sqrt(m / gamma); // seed 001 F.3 / spec/001 §4: n_{1,1} = Σ_{i≥2} n_{i,2} = σ√(m/γ)
  const opt = thm4Opt(m, sigma, gamma); // spec/001 §4: OPT = 4σ√(mγ)
  const social = thm4CblSocialClosedForm(m, sigma, gamma); // spec/001 §5.6: σ√γ(2 + 1/(m−1) + 3(m−1))
  const p1 = sigma * Math.sqrt(gamma) * (2 + 1 / (m - 1)); // spec/001 §5.6: agent 1's M_CBL penalty (NL branch)
  const pi = 3 * sigma * Math.sqrt(gamma); // spec/001 §5.6: error σ√γ on μ_1 plus 2σ√γ alone on k = 2
  const description =
    `Seed 001 Theorem 4 instance (19), spec/001 §5.6 (Thm 4: §4): m = ${m}, d = 2, σ = ${sigma}, γ = ${gamma}. ` +
    `Agent 1 alone can sample distribution 1 (cost γ), agents 2..${m} only distribution 2 (cost γ); every p^IND = ∞, so IR is vacuous. ` +
    `Allocation n^OPT with the even split: n_{1,1} = σ√(m/γ) = ${sig(N)}, n_{i,2} = ${sig(N / (m - 1))} for i ≥ 2. ` + // spec/001 §5.6: even split N/(m−1)
    `Expected: OPT = 4σ√(mγ) = ${sig(opt)}; condition (8) fails, so M_CBL runs the no-leverage branch with ` +
    `p_1 = σ√γ(2 + 1/(m−1)) = ${sig(p1)}, p_i = 3σ√γ = ${sig(pi)} (i ≥ 2), ` +
    `social ${social.toFixed(4)}, ratio to OPT ${(social / opt).toFixed(5)} (as spec/001 §5.6 prints them; Thm 4 lower bound √m/4 = ${sig(thm4LowerBoundRatio(m))}, Thm 1 bound √m = ${sig(Math.sqrt(m))}).`;
  return formatInstanceFile({ name: `thm4-m${m}`, description, sigma, costs: instance.costs, allocation });
}

export function instanceCommand(program: Command, io: CliIO): void {
  const cmd = program
    .command('instance')
    .description('Generate heterogeneous instance files (seed 001) for `arena allocate`, `arena theory cbl|sm` and experiment specs.');
  cmd
    .command('thm4')
    .description(
      'Theorem 4\'s Ω(√m) price-of-stability instance (19) with its OPT allocation (even split, spec/001 §5.6), printed as an instance file.',
    )
    .requiredOption('--m <M>', 'number of agents (integer >= 2)', integer)
    .option('--sigma <S>', 'noise standard deviation σ (> 0)', number, 1)
    .option('--gamma <G>', 'cost γ per sample of the one distribution each agent can sample (> 0)', number, 1)
    .action((o: Thm4Options) => {
      if (o.m < 2) throw new InputError('--m', `must be an integer >= 2 (got ${o.m})`);
      if (!(o.sigma > 0)) throw new InputError('--sigma', `must be > 0 (got ${o.sigma})`);
      if (!(o.gamma > 0)) throw new InputError('--gamma', `must be > 0 (got ${o.gamma})`);
      io.out(thm4File(o.m, o.sigma, o.gamma));
    });
  for (const c of [cmd, ...cmd.commands]) c.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
}
