/**
 * Where an index entry's pages come from, and how much a letter consensus counts.
 *
 * An entry confirmed by the guideline PDF is `verified: true` (its findings are errors). One backed
 * only by a consensus of letters (`evidence: {letters, consensus}`) is shown as "consensus of N
 * letters" when N reaches `consensusLetters`; its findings stay warnings unless the config sets
 * `indexEvidence: {trustConsensus: true}`.
 */
import { formatPages } from './pages';
import { IndexGuideline, IndexTopic, MtusIndex } from './types';

export interface EvidencePolicy {
  /** Distinct letters a consensus needs before it is shown as one (default 20). */
  consensusLetters: number;
  /** Treat a consensus of at least consensusLetters letters like a verified entry: its findings are errors. */
  trustConsensus: boolean;
}

export const DEFAULT_EVIDENCE_POLICY: Readonly<EvidencePolicy> = Object.freeze({ consensusLetters: 20, trustConsensus: false });

/** The policy with defaults filled in. */
export function evidencePolicy(p?: Partial<EvidencePolicy>): EvidencePolicy {
  return { ...DEFAULT_EVIDENCE_POLICY, ...(p ?? {}) };
}

export type Provenance =
  | { kind: 'pdf'; pdf: string; page: number }
  | { kind: 'verified'; source?: string }
  | { kind: 'consensus'; letters: number; consensus: string }
  | { kind: 'unverified'; source?: string; letters?: number };

/** Where the topic's pages come from under the policy. */
export function provenanceOf(topic: IndexTopic, policy?: Partial<EvidencePolicy>): Provenance {
  const p = evidencePolicy(policy);
  const e = topic.evidence;
  if (topic.verified) {
    if (e?.pdf !== undefined && e.page !== undefined) return { kind: 'pdf', pdf: e.pdf, page: e.page };
    return { kind: 'verified', ...(topic.source ? { source: topic.source } : {}) };
  }
  if (e?.letters !== undefined && e.consensus && e.letters >= p.consensusLetters) return { kind: 'consensus', letters: e.letters, consensus: formatPages([e.consensus]) };
  return { kind: 'unverified', ...(topic.source ? { source: topic.source } : {}), ...(e?.letters !== undefined ? { letters: e.letters } : {}) };
}

/** One line for hover and reports: "verified from the PDF (CPMTG.pdf, page 98)", "consensus of 37 letters (pages 98-99)", "unverified". */
export function provenanceText(pr: Provenance, policy?: Partial<EvidencePolicy>): string {
  switch (pr.kind) {
    case 'pdf':
      return `verified from the PDF (${pr.pdf}, page ${pr.page})`;
    case 'verified':
      return pr.source ? `verified — source: ${pr.source}` : 'verified';
    case 'consensus':
      return `consensus of ${pr.letters} letters (page(s) ${pr.consensus})${evidencePolicy(policy).trustConsensus ? '' : ': a mismatch is a warning, not an error'}`;
    case 'unverified': {
      const few = pr.letters !== undefined ? `; only ${pr.letters} letter(s) agree, fewer than the ${evidencePolicy(policy).consensusLetters} a consensus needs` : '';
      return `unverified (seed value: a mismatch is a warning, not an error${few})${pr.source ? ` — source: ${pr.source}` : ''}`;
    }
  }
}

const trusted = new WeakMap<MtusIndex, Map<number, MtusIndex>>();

/**
 * The index the rules check against: with `trustConsensus`, topics whose letter consensus reaches
 * `consensusLetters` count as verified; otherwise the index itself. Cached per index and threshold.
 */
export function applyEvidencePolicy(index: MtusIndex, policy?: Partial<EvidencePolicy>): MtusIndex {
  const p = evidencePolicy(policy);
  if (!p.trustConsensus) return index;
  const qualifies = (t: IndexTopic): boolean => !t.verified && t.evidence?.letters !== undefined && t.evidence.consensus !== undefined && t.evidence.letters >= p.consensusLetters;
  if (!index.guidelines.some((g) => g.topics.some(qualifies))) return index;
  let byN = trusted.get(index);
  if (!byN) trusted.set(index, (byN = new Map()));
  const hit = byN.get(p.consensusLetters);
  if (hit) return hit;
  const guidelines: IndexGuideline[] = index.guidelines.map((g) =>
    g.topics.some(qualifies) ? Object.freeze({ ...g, topics: g.topics.map((t) => (qualifies(t) ? Object.freeze({ ...t, verified: true }) : t)) }) : g,
  );
  const out: MtusIndex = Object.freeze({ ...index, guidelines });
  byN.set(p.consensusLetters, out);
  return out;
}
