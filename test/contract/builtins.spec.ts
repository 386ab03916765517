import { builtinMechanisms } from '../../mechanisms/index.js';
import { builtinStrategies } from '../../strategies/index.js';
import { mechanismContract, strategyContract } from './kit.js';

for (const p of builtinStrategies) strategyContract(p);
for (const p of builtinMechanisms) mechanismContract(p);
