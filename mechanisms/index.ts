import type { MechanismPlugin } from '../src/core/mechanism.js';
import c3d from './c3d/index.js';
import cded from './cded/index.js';
import pcs from './pcs/index.js';
import pool from './pool/index.js';

/** The built-in mechanisms. */
export const builtinMechanisms: readonly MechanismPlugin[] = [pool, pcs, c3d, cded] as readonly MechanismPlugin[];
