/**
 * `imr index harvest`: what an archive of letters cites. Letters are added one at a time (parsed by
 * the engine's parseLetter) and only aggregate counts are kept — never a letter's text — so memory
 * grows with the number of distinct citations, not of letters.
 *
 * Per guideline + section/topic: citations (`count`), distinct letters (`letters`), the spellings
 * letters use, whether the index knows it, and for page citations the pages letters cite most often
 * (the consensus) next to the index's pages. rows() sorts by what most needs a maintainer's look.
 */
import { Determination } from '../../model/determination';
import { normalizeName } from '../names';
import { findTopic } from '../topics';
import { formatPages, spansOverlapOrContain } from '../pages';
import { IndexGuideline, IndexTopic, MtusIndex, PageSpan } from '../types';

export type HarvestStatus =
  | 'unknown-guideline'
  | 'unknown-section'
  | 'consensus-disagrees'
  | 'consensus-agrees'
  | 'known';

export interface HarvestPages {
  pages: string;
  count: number;
  letters: number;
}

export interface HarvestRow {
  /** Guideline as letters write it (most common spelling) and year. */
  guideline: string;
  year?: number;
  guidelineId?: string;
  /** Section/topic as letters write it (most common spelling); "" for a guideline cited without one. */
  section: string;
  /** Other spellings seen (at most a few). */
  variants: string[];
  /** The index topic it resolves to. */
  topic?: string;
  count: number;
  letters: number;
  /** Page citations, most letters first. */
  pages: HarvestPages[];
  /** The pages most letters cite (when any cite pages). */
  consensus?: HarvestPages;
  indexPages?: string;
  verified?: boolean;
  status: HarvestStatus;
  /** Higher = look first. */
  attention: number;
}

interface Counter {
  count: number;
  letters: number;
  last: number;
}

interface Entry extends Counter {
  guideline?: IndexGuideline;
  topic?: IndexTopic;
  guidelineNames: Map<string, number>;
  year?: number;
  spellings: Map<string, number>;
  pages: Map<string, Counter & { span: PageSpan }>;
}

const MAX_SPELLINGS = 8;

function bump(c: Counter, letter: number): void {
  c.count++;
  if (c.last !== letter) {
    c.letters++;
    c.last = letter;
  }
}

function note(map: Map<string, number>, s: string): void {
  if (map.has(s) || map.size < MAX_SPELLINGS) map.set(s, (map.get(s) ?? 0) + 1);
}

function top(map: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [k, v] of map) if (v > n) [best, n] = [k, v];
  return best;
}

export class HarvestAggregator {
  private readonly entries = new Map<string, Entry>();
  private letterNo = 0;
  /** Letters added. */
  get lettersSeen(): number {
    return this.letterNo;
  }

  constructor(private readonly index: MtusIndex) {}

  /** Adds the citations of one parsed letter. */
  add(d: Determination): void {
    const letter = ++this.letterNo;
    for (const item of d.items) {
      for (const line of [item.claimsAdministratorGuideline, item.maximusGuideline]) {
        if (!line) continue;
        for (const c of line.citations) {
          const g = c.guidelineId ? this.index.guidelines.find((x) => x.id === c.guidelineId) : undefined;
          const gKey = g ? g.id : `?${normalizeName(c.guideline)}|${c.year ?? ''}`;
          const names: string[] = c.sections.map((s) => s.name);
          if (c.topic) names.push(c.topic.name);
          if (names.length === 0) names.push('');
          const pageTopic = c.topic?.name ?? (c.sections.length === 1 ? c.sections[0]?.name : undefined);
          for (const name of names) {
            const topic = g && name ? findTopic(g, name) : undefined;
            const key = `${gKey}\u0000${topic ? `#${topic.name}` : normalizeName(name)}`;
            let e = this.entries.get(key);
            if (!e) {
              e = { count: 0, letters: 0, last: 0, guidelineNames: new Map(), spellings: new Map(), pages: new Map(), ...(g ? { guideline: g } : {}), ...(topic ? { topic } : {}), ...(c.year !== undefined ? { year: c.year } : {}) };
              this.entries.set(key, e);
            }
            bump(e, letter);
            note(e.guidelineNames, c.guideline);
            note(e.spellings, name);
            if (name === pageTopic) {
              for (const p of c.pages) {
                const span = { from: p.from, to: p.to };
                const k = formatPages([span]);
                let pc = e.pages.get(k);
                if (!pc) {
                  if (e.pages.size >= 64) continue;
                  pc = { count: 0, letters: 0, last: 0, span };
                  e.pages.set(k, pc);
                }
                bump(pc, letter);
              }
            }
          }
        }
      }
    }
  }

  /** The aggregated rows, most in need of a look first. */
  rows(): HarvestRow[] {
    const rows: HarvestRow[] = [];
    for (const e of this.entries.values()) {
      const pages = [...e.pages.entries()]
        .map(([k, c]) => ({ pages: k, count: c.count, letters: c.letters, span: c.span }))
        .sort((a, b) => b.letters - a.letters || b.count - a.count || a.span.from - b.span.from);
      const consensus = pages[0];
      const section = top(e.spellings);
      const row: HarvestRow = {
        guideline: e.guideline ? `${e.guideline.title}` : top(e.guidelineNames),
        ...(e.guideline ? { guidelineId: e.guideline.id, year: e.guideline.year } : e.year !== undefined ? { year: e.year } : {}),
        section,
        variants: [...e.spellings.keys()].filter((s) => s !== section),
        ...(e.topic ? { topic: e.topic.number ? `${e.topic.number} ${e.topic.name}` : e.topic.name } : {}),
        count: e.count,
        letters: e.letters,
        pages: pages.map(({ pages: p, count, letters }) => ({ pages: p, count, letters })),
        ...(consensus ? { consensus: { pages: consensus.pages, count: consensus.count, letters: consensus.letters } } : {}),
        ...(e.topic ? { indexPages: formatPages(e.topic.pages), verified: e.topic.verified } : {}),
        status: 'known',
        attention: 0,
      };
      if (!e.guideline) {
        row.status = 'unknown-guideline';
        row.attention = 2 * e.letters;
      } else if (!e.topic && section) {
        row.status = 'unknown-section';
        row.attention = 3 * e.letters;
      } else if (e.topic && consensus) {
        const agrees = e.topic.pages.length > 0 && spansOverlapOrContain(e.topic.pages, consensus.span) === 'contained';
        row.status = agrees ? 'consensus-agrees' : 'consensus-disagrees';
        row.attention = agrees ? (e.topic.verified ? 0 : 0.5 * consensus.letters) : (e.topic.verified ? 1 : 3) * consensus.letters;
      }
      rows.push(row);
    }
    return rows.sort(
      (a, b) => b.attention - a.attention || b.letters - a.letters || b.count - a.count || a.guideline.localeCompare(b.guideline) || a.section.localeCompare(b.section),
    );
  }
}
