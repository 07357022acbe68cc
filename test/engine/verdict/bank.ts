import { VerdictValue } from '../../../server/src/engine/verdict/reader';

/** One labelled rationale (or its concluding part): what a careful reader concludes about `item`. */
export interface BankEntry {
  v: VerdictValue;
  text: string;
  item?: string;
}

export interface BankScore {
  total: number;
  correct: number;
  /** Entries with a definite label read with the other decision: the conflict rule must fire. */
  conflicts: number;
  caught: number;
  /** Letters whose decision agrees with the label (or any decision, for unclear) that the reader would contradict. */
  consistent: number;
  falseAlarms: number;
  misses: string[];
}

/** Scores a reader on a bank: accuracy, and the conflicts it would catch and the false alarms it would raise. */
export function score(bank: BankEntry[], read: (e: BankEntry) => VerdictValue): BankScore {
  const s: BankScore = { total: 0, correct: 0, conflicts: 0, caught: 0, consistent: 0, falseAlarms: 0, misses: [] };
  for (const e of bank) {
    const got = read(e);
    s.total++;
    if (got === e.v) s.correct++;
    else s.misses.push(`[${e.v} read as ${got}] ${e.item ?? ''}: ${e.text}`);
    if (e.v === 'unclear') {
      // whichever decision the letter has, a definite reading contradicts one of them
      s.consistent++;
      if (got !== 'unclear') s.falseAlarms++;
    } else {
      s.conflicts++;
      if (got === e.v) s.caught++;
      s.consistent++;
      if (got !== e.v && got !== 'unclear') s.falseAlarms++;
    }
  }
  return s;
}

export function formatScore(name: string, s: BankScore): string {
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  return `${name}: ${s.correct}/${s.total} read right (${pct(s.correct, s.total)}); conflicts caught ${s.caught}/${s.conflicts} (${pct(s.caught, s.conflicts)}); false alarms ${s.falseAlarms}/${s.consistent}`;
}
