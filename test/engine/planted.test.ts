import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig, lintText } from '../../server/src/engine';
import { bundledIndex, corpusFiles, REPO_ROOT } from '../helpers/engine';
import { nth } from '../helpers/checked';

/**
 * Defects planted in real letters (../shared/corpus/dev, read at test time, never committed): each must
 * be reported by its rule on the planted line in at least 95% of the letters where it can be planted.
 * Letters are also tried as plain `pdftotext` would lay them out (no centring, labels then values).
 */

interface Planted {
  text: string;
  /** 1-based line where the defect is. */
  line: number;
}

type Planter = (lines: string[]) => Planted | undefined;

const find = (lines: string[], re: RegExp, from = 0) => lines.findIndex((line, i) => i >= from && re.test(line));
const done = (lines: string[], line0: number): Planted => ({ text: lines.join('\n'), line: line0 + 1 });
/**
 * Plants a defect by rewriting line `i` (an index `find` returned; -1 plants nothing). With `ifChanged`, a
 * rewrite that leaves the line as it was plants nothing either.
 */
function plantAt(lines: string[], i: number, rewrite: (line: string) => string, ifChanged = false): Planted | undefined {
  if (i < 0) return undefined;
  const line = nth(lines, i, 'line');
  const rewritten = rewrite(line);
  if (ifChanged && rewritten === line) return undefined;
  const c = lines.slice();
  c[i] = rewritten;
  return done(c, i);
}

const PLANTERS: Record<string, Planter[]> = {
  'section-missing': [
    (l) => {
      const i = find(l, /^\s*CLINICAL CASE SUMMARY\s*$/);
      if (i < 0) return undefined;
      const c = l.slice();
      c.splice(i, 1);
      return done(c, i);
    },
    (l) => {
      const i = find(l, /^\s*IMR ISSUES, DECISIONS AND RATIONALES\s*$/);
      if (i < 0) return undefined;
      const c = l.slice();
      c.splice(i, 1);
      return done(c, i);
    },
  ],
  'section-order': [
    (l) => {
      // move the clinical case summary (heading to the line before the issues heading) after the last line
      const a = find(l, /^\s*CLINICAL CASE SUMMARY\s*$/);
      const b = find(l, /^\s*IMR ISSUES, DECISIONS AND RATIONALES\s*$/);
      if (a < 0 || b < 0) return undefined;
      const block = l.slice(a, b);
      const c = [...l.slice(0, a), ...l.slice(b), '', ...block];
      return done(c, c.length - block.length);
    },
  ],
  'section-duplicate': [
    (l) => {
      const b = find(l, /^\s*IMR ISSUES, DECISIONS AND RATIONALES\s*$/);
      const a = find(l, /^\s*CLINICAL CASE SUMMARY\s*$/);
      if (a < 0 || b < 0) return undefined;
      const c = l.slice();
      c.splice(b, 0, nth(l, a, 'line'), '');
      return done(c, b);
    },
  ],
  'heading-format': [
    (l) => {
      const i = find(l, /^\s*CLINICAL CASE SUMMARY\s*$/);
      return plantAt(l, i, (line) => line.replace('SUMMARY', 'SUMARY'));
    },
    (l) => {
      const i = find(l, /^\s*IMR ISSUES, DECISIONS AND RATIONALES\s*$/);
      return plantAt(l, i, (line) => line.replace('IMR ISSUES, DECISIONS AND RATIONALES', 'IMR Issues, Decisions and Rationales'));
    },
  ],
  'header-field': [
    (l) => {
      const i = headerValueLine(l, 'Case Number');
      return plantAt(l, i, (line) => line.replace(/CM(\d\d)-(\d{7})/, 'CM$1-0081'), true);
    },
    (l) => {
      const i = headerValueLine(l, 'UR Denial Date');
      return plantAt(l, i, (line) => line.replace(/(UR Denial Date:\s*|^)\d\d\/\d\d\/(\d{4})/, '$113/45/$2'), true);
    },
  ],
  'date-order': [
    (l) => {
      const i = headerValueLine(l, 'Decision Date');
      return plantAt(l, i, (line) => line.replace(/((?:Decision Date:\s*|^)\d\d\/\d\d\/)(\d{4})/, (_m, p: string, y: string) => `${p}${Number(y) - 2}`), true);
    },
    (l) => {
      const i = headerValueLine(l, 'Date of Injury');
      return plantAt(l, i, (line) => line.replace(/((?:Date of Injury:\s*|^)\d\d\/\d\d\/)(\d{4})/, (_m, p: string, y: string) => `${p}${Number(y) + 3}`), true);
    },
  ],
  'item-decision': [
    (l) => {
      const i = find(l, /:\s*Upheld\s*$/, find(l, /IMR ISSUES/));
      return plantAt(l, i, (line) => line.replace(/Upheld\s*$/, 'Uphold'));
    },
    (l) => {
      const i = find(l, /:\s*(Upheld|Overturned)\s*$/, find(l, /IMR ISSUES/));
      return plantAt(l, i, (line) => line.replace(/\s*(Upheld|Overturned)\s*$/, ''));
    },
  ],
  'item-field-missing': [
    (l) => {
      const item = find(l, /:\s*(Upheld|Overturned)\s*$/, find(l, /IMR ISSUES/));
      const m = find(l, /^\f?MAXIMUS guideline:/, item);
      const r = find(l, /^\f?Decision rationale:/, m);
      if (item < 0 || m < 0 || r < 0) return undefined;
      const c = [...l.slice(0, m), ...l.slice(r)];
      return done(c, item);
    },
  ],
  'decision-rationale-conflict': [
    (l) => {
      const i = find(l, /:\s*(Upheld|Overturned)\s*$/, find(l, /IMR ISSUES/));
      return plantAt(l, i, (line) => line.replace(/(Upheld|Overturned)\s*$/, (w) => (w.startsWith('Upheld') ? 'Overturned' : 'Upheld')));
    },
  ],
  'citation-guideline-unknown': [
    (l) => {
      const i = find(l, /^\f?MAXIMUS guideline: Decision based on MTUS [A-Z]/);
      return plantAt(l, i, (line) => line.replace('Decision based on MTUS ', 'Decision based on MTUS Hip and Pelvis Complaints 2004, and '));
    },
  ],
  'citation-unknown-topic': [
    (l) => {
      const i = find(l, /Section\(s\): [A-Z][a-z]/);
      return plantAt(l, i, (line) => line.replace(/Section\(s\): ([A-Z][a-z]+)/, 'Section(s): Xylophone $1'));
    },
  ],
  'citation-page-mismatch': [
    (l) => {
      const i = find(l, /^\f?MAXIMUS guideline: Decision based on MTUS/);
      return plantAt(l, i, (line) => line.replace('Decision based on MTUS ', 'Decision based on MTUS Chronic Pain Treatment Guidelines Physical Medicine Page(s): 97, and '));
    },
  ],
  'citation-section-number-mismatch': [
    (l) => {
      const i = find(l, /\b3\.3\.(\d)(\.\d)? [A-Z]/);
      return plantAt(l, i, (line) => line.replace(/\b3\.3\.(\d)/, (_m, d: string) => `3.3.${d === '2' ? '4' : '2'}`));
    },
  ],
  'rationale-page-mismatch': [
    (l) => {
      const i = find(l, /^\f?Decision rationale:/);
      return plantAt(l, i, (line) => line.replace('Decision rationale: ', 'Decision rationale: The MTUS Guideline in ACOEM Chapter 12, Table 12-8, page 409 lists imaging. '));
    },
  ],
  placeholder: [
    (l) => {
      const i = find(l, /^The injured worker|^This is a|^The patient/);
      return plantAt(l, i, (line) => `${line} [[age]]`);
    },
  ],
};

/** The same letter as plain `pdftotext` (no -layout) lays it out: no centring; header labels, then values. */
function plainLayout(lines: string[]): string[] {
  const end = find(lines, /HOW THE IMR FINAL DETERMINATION WAS MADE/);
  const header = lines.slice(0, end).join('\n');
  const pairs: [string, string][] = [];
  for (const m of header.matchAll(/(Case Number|Date Assigned|Date of Injury|Decision Date|UR Denial Date|Priority|Application)\s*:?\s*(\S+)/g)) pairs.push([m[1]!, m[2]!]);
  const out: string[] = [];
  // plain pdftotext reads the two header columns one after the other: labels, then their values
  for (const [label] of pairs) out.push(label === 'Application' ? 'Application Received:' : `${label}:`);
  for (const [, value] of pairs) out.push(value);
  return [...out, '', ...lines.slice(end).map((l) => l.replace(/^\s+(?=[A-Z ,()']{12,}$)/, ''))];
}

/** Plants a header defect in either layout: finds the value by label, in a labels-then-values header too. */
function headerValueLine(lines: string[], label: string): number {
  const i = find(lines, new RegExp(`${label}:\\s*\\S`));
  if (i >= 0) return i;
  const end = find(lines, /HOW THE IMR FINAL DETERMINATION WAS MADE/);
  const labels = lines.slice(0, end).map((l) => l.trim()).filter((l) => l.endsWith(':'));
  const k = labels.findIndex((l) => l.startsWith(label));
  const firstValue = find(lines, /^(?!.*:\s*$)\S/);
  return k >= 0 && firstValue >= 0 ? firstValue + k : -1;
}

describe('planted defects in real letters', function () {
  const files = corpusFiles();
  before(function () {
    if (!files) {
      console.log('      skipped: ../shared/corpus/dev is absent (it is not part of a fresh clone)');
      this.skip();
    }
  });

  for (const [layout, transform] of [['layout', (l: string[]) => l], ['plain', plainLayout]] as const) {
    it(`reports each planted defect at its line (${layout} text)`, function () {
      this.timeout(120000);
      const index = bundledIndex();
      const config = defaultConfig(REPO_ROOT);
      const rates: string[] = [];
      const failures: string[] = [];
      for (const [rule, planters] of Object.entries(PLANTERS)) {
        let tried = 0;
        let hit = 0;
        for (const file of files ?? []) {
          const lines = transform(fs.readFileSync(file, 'utf8').split(/\r?\n/));
          for (const plant of planters) {
            const p = plant(lines);
            if (!p) continue;
            tried++;
            const { findings } = lintText({ text: p.text, config, index });
            if (findings.some((f) => f.ruleId === rule && f.range.start.line + 1 === p.line)) hit++;
            else failures.push(`${rule} ${path.basename(file)}:${p.line} got ${findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`).join(', ') || 'nothing'}`);
          }
        }
        rates.push(`${rule} ${hit}/${tried}`);
        assert.ok(tried > 0, `${rule}: never planted`);
        if (hit / tried < 0.95) assert.fail(`${rule}: ${hit}/${tried} detected at the planted line\n${failures.filter((f) => f.startsWith(rule)).slice(0, 8).join('\n')}`);
      }
      if (process.env.IMR_PLANTED_VERBOSE) console.log(rates.join('\n'));
    });
  }
});
