/**
 * A refactoring tool (not a test): what the engine makes of many letters, one digest line per text, so
 * that a change meant to alter nothing (a speed-up, a cleanup) can be shown to alter nothing. Each
 * letter of a folder, its CRLF copy and N seeded variants (lines deleted, doubled, joined, split,
 * moved, re-cased; verdict words, negations, hedges, citations, dates, quotes, odd spaces and labels
 * put in at random places) is linted in-process with the default config and the bundled index; the
 * line is `name<TAB>sha1` of the findings, the parsed model and its JSON with ranges. Same seed, same
 * texts: run it on the build before and after the change and compare the two files.
 *
 *   npx tsc -b && node out/scripts/behaviour-digest.js [folder] [--variants N] [--out FILE]
 *   git stash; npx tsc -b; node out/scripts/behaviour-digest.js --out /tmp/before.txt; git stash pop
 *   npx tsc -b && node out/scripts/behaviour-digest.js --out /tmp/after.txt && cmp /tmp/before.txt /tmp/after.txt
 *
 * The folder defaults to the dev corpus (../shared/corpus/dev; *.txt and *.imr); the test fixture
 * letters are always added. Only names and hashes are printed or written, never letter text. Paths of
 * this checkout in findings (the index file) are replaced by <ROOT>, so two checkouts compare equal.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { createConfigResolver, createIndexProvider, lintText, toJson } from '../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');

/** Pieces put into letters at random: the words and shapes the parser and the verdict reader decide on. */
const PIECES = [
  'not ', 'however, ', 'therefore ', 'Therefore, ', 'medically necessary', 'is not medically necessary', 'is medically necessary',
  'UR ', 'the UR decision is upheld', 'if ', 'would ', 'may ', 'although ', 'Page(s): 12-13', 'Guidelines ', 'MTUS ', 'I agree. ',
  'I do not agree. ', 'isn\u2019t ', 'cannot ', 'non-certified ', 'nec- essary ', '"', '\u201c', '\u00a0', '\u00ad', ' ; ', ', ', '. ',
  'Yes, ', 'No, ', 'the request ', 'was previously denied ', 'according to ACOEM ', 'is recommended ', 'is indicated when ',
  'for up to 10 visits ', 'medical necessity has not been established ', 'Chronic Pain Medical Treatment Guidelines ',
  'Physical Medicine ', 'pp. 98-99 ', 'Section 9792.24.2 ', 'Upheld', 'Overturned', 'Date of Injury: 01/02/2013 ', 'on 03/04/2014 ',
  '\t', '  ', '\n', '\n\n', '-', 'Treatment Requested: ', 'Rationale: ', 'MTUS Guidelines: ',
];
const SWAPS = ['unnecessary', 'not indicated', 'upheld', 'Overturned', 'never', 'was', 'unwarranted', 'inappropriate', 'certified', 'non-certified'];
const SWAPPABLE = /\b(?:necessary|indicated|upheld|overturned|not|is|warranted|appropriate|supported|denied|approved)\b/gi;

/** A small seeded generator (the same texts on every run and machine). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

function variant(text: string, rnd: () => number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const lines = text.split('\n');
  const edits = 1 + Math.floor(rnd() * 4);
  for (let e = 0; e < edits && lines.length > 0; e++) {
    const i = Math.floor(rnd() * lines.length);
    const l = lines[i]!;
    const at = Math.floor(rnd() * l.length);
    switch (Math.floor(rnd() * 12)) {
      case 0: lines.splice(i, 1); break;
      case 1: lines.splice(i, 0, l); break;
      case 2: if (i + 1 < lines.length) lines.splice(i, 2, `${l} ${lines[i + 1]!.trim()}`); break;
      case 3: lines[i] = l.slice(0, at) + pick(PIECES) + l.slice(at); break;
      case 4: lines[i] = l.slice(0, at) + l.slice(at + 1 + Math.floor(rnd() * 8)); break;
      case 5: lines[i] = rnd() < 0.5 ? l.toUpperCase() : l.toLowerCase(); break;
      case 6: {
        const words = l.split(' ');
        const a = Math.floor(rnd() * words.length);
        const b = Math.floor(rnd() * words.length);
        [words[a], words[b]] = [words[b]!, words[a]!];
        lines[i] = words.join(' ');
        break;
      }
      case 7: if (i + 1 < lines.length) lines.splice(i, 2, lines[i + 1]!, l); break;
      case 8: {
        const sp = l.indexOf(' ', at);
        if (sp > 0) lines.splice(i, 1, l.slice(0, sp), l.slice(sp + 1));
        break;
      }
      case 9: {
        const all = [...l.matchAll(SWAPPABLE)];
        if (all.length > 0) {
          const m = pick(all);
          lines[i] = l.slice(0, m.index) + pick(SWAPS) + l.slice(m.index + m[0].length);
        }
        break;
      }
      case 10:
        for (let r = 0; r < 3; r++) {
          const cur = lines[i]!;
          const p = Math.floor(rnd() * cur.length);
          lines[i] = cur.slice(0, p) + pick(PIECES) + cur.slice(p);
        }
        break;
      default: lines.splice(Math.floor(rnd() * lines.length), 0, ...lines.splice(i, 1 + Math.floor(rnd() * 5)));
    }
  }
  const t = lines.join('\n');
  const form = rnd();
  return form < 0.05 ? t.replace(/\n/g, '\r\n') : form < 0.08 ? `\ufeff${t}` : t;
}

function letters(dir: string): [string, string][] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(txt|imr)$/.test(f))
    .sort()
    .map((f): [string, string] => [f, fs.readFileSync(path.join(dir, f), 'utf8')]);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { variants: { type: 'string', default: '120' }, out: { type: 'string' } },
  });
  const dir = path.resolve(positionals[0] ?? path.join(ROOT, '..', 'shared', 'corpus', 'dev'));
  const n = Number(values.variants);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--variants: a whole number, not "${values.variants}"`);
  const base = [...letters(dir), ...letters(path.join(ROOT, 'test', 'fixtures', 'letters')).map(([f, t]): [string, string] => [`fixtures/${f}`, t])];
  if (base.length === 0) throw new Error(`no letters (*.txt, *.imr) in ${dir}`);
  const config = createConfigResolver({ cwd: dir }).forFile(path.join(dir, 'letter.imr')).config;
  if (!config) throw new Error(`no usable configuration for ${dir}`);
  const { index } = createIndexProvider().get(config.index);

  const out: string[] = [];
  const digest = (name: string, text: string) => {
    let s: string;
    try {
      const r = lintText({ text, config, index });
      s = JSON.stringify({ f: r.findings, d: r.determination, j: toJson(r.determination, true).json }).split(ROOT).join('<ROOT>');
    } catch (e) {
      s = `THROW ${e instanceof Error ? e.stack : String(e)}`;
    }
    out.push(`${name}\t${createHash('sha1').update(s).digest('hex')}`);
  };
  for (const [name, text] of base) {
    digest(name, text);
    digest(`${name}#crlf`, text.replace(/\r?\n/g, '\r\n'));
  }
  const rnd = random(12345);
  for (const [name, text] of base) for (let k = 0; k < n; k++) digest(`${name}#${k}`, variant(text, rnd));
  const report = `${out.join('\n')}\n`;
  if (values.out) {
    fs.writeFileSync(values.out, report);
    console.log(`behaviour-digest: ${out.length} texts (${base.length} letters from ${dir} and the fixtures, CRLF copies, ${n} variants each) -> ${values.out}`);
  } else process.stdout.write(report);
}

try {
  main();
} catch (e) {
  console.error(`behaviour-digest: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
}
