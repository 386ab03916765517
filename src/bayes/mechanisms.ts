/**
 * The seed-004 mechanisms a best-response search may be run on: the registered threshold rules of
 * src/theory/bayes/mechanisms.ts (all ex-post IC, spec/004 §2.1, §5) plus the non-IC foil
 * `pay-as-reported` (Algorithm 1's threshold, price at the own report).
 */
import { InputError } from '../core/instance.js';
import { type BayesMechanism, MECHANISMS, payAsReported } from '../theory/bayes/mechanisms.js';

export const SEARCH_MECHANISMS: Readonly<Record<string, BayesMechanism>> = Object.freeze({
  ...MECHANISMS,
  'pay-as-reported': payAsReported,
});
export const SEARCH_MECHANISM_NAMES: readonly string[] = Object.freeze(Object.keys(SEARCH_MECHANISMS));

/** The searchable mechanism called `name`; InputError('mechanism', …) if unknown. */
export function searchMechanismByName(name: string): BayesMechanism {
  const m = SEARCH_MECHANISMS[name];
  if (!m) throw new InputError('mechanism', `unknown seed-004 mechanism '${name}' (known: ${SEARCH_MECHANISM_NAMES.join(', ')})`);
  return m;
}
