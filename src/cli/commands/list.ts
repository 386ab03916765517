import type { Command } from 'commander';
import { arenaWith, pluginOption } from '../common.js';
import type { CliIO } from '../io.js';
import { formatTable } from '../table.js';

export function listCommand(program: Command, io: CliIO): void {
  pluginOption(
    program
      .command('list')
      .description('List the mechanisms and strategies, with descriptions and parameters.')
      .option('--json', 'print JSON'),
  ).action(async (o: { json?: boolean; plugin: string[] }) => {
    const arena = await arenaWith(o.plugin);
    const mechanisms = arena.registry.mechanisms.map((p) => ({
      name: p.name,
      description: p.description,
      source: p.source,
      params: Object.keys(p.params),
    }));
    const strategies = arena.registry.strategies.map((p) => ({
      name: p.name,
      description: p.description,
      source: p.source,
      params: Object.keys(p.params),
    }));
    if (o.json) {
      io.out(`${JSON.stringify({ mechanisms, strategies }, null, 2)}\n`);
      return;
    }
    const rows = (xs: typeof mechanisms) => xs.map((x) => [x.name, x.params.join(', ') || '—', x.description]);
    io.out(`Mechanisms\n${formatTable(['name', 'params', 'description'], rows(mechanisms))}\n\n`);
    io.out(`Strategies (use as --deviation NAME[:key=value,...])\n${formatTable(['name', 'params', 'description'], rows(strategies))}\n`);
  });
}
