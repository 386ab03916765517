#!/usr/bin/env node
// The `arena` command. TypeScript sources run through the tsx loader, so user
// plugins written in TypeScript load without a build step.
import { register } from 'tsx/esm/api';

register();
// `arena ... | head` closes the pipe early: stop quietly instead of crashing.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
