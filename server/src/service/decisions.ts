import type { DecisionWord } from '../engine';

/** What the two IMR decision words mean, for completion documentation and hover. */
export const DECISION_MEANING: Record<DecisionWord, string> = {
  Upheld:
    "**Upheld** — the expert reviewer agrees with the claims administrator's utilization review decision: " +
    'the requested item/service is **not medically necessary** and the denial (or modification) stands. ' +
    'The decision rationale should conclude "not medically necessary".',
  Overturned:
    "**Overturned** — the expert reviewer reverses the claims administrator's utilization review decision: " +
    'the requested item/service **is medically necessary** and must be authorized. ' +
    'The decision rationale should conclude "medically necessary".',
};
