import type { HeteroMechanismPlugin } from '../src/hetero/mechanism.js';
import c3dHd from './c3d-hd/index.js';
import cbl from './cbl/index.js';
import sm from './sm/index.js';

/** The built-in mechanisms of the d-distribution family (seed 001; c3d-hd from seed 000 App. E). */
export const builtinHeteroMechanisms: readonly HeteroMechanismPlugin[] = [sm, cbl, c3dHd] as readonly HeteroMechanismPlugin[];
