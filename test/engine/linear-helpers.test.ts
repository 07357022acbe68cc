import { strict as assert } from 'assert';
import { normalizeName, stripParenthesized, withoutGuidelinesWord } from '../../server/src/engine/mtus/names';
import { SentenceIndex, splitSentences } from '../../server/src/engine/text/sentences';
import { QUALIFIER_LEAD, qualifierAfter } from '../../server/src/engine/verdict/cues';
import { seededRandom as random } from '../helpers/random';
import { fromFirstLetterOfLastLine } from '../../server/src/engine/text/scan';
import { CASE_LINE } from '../../server/src/engine/parser/page-breaks';
import { JoinedText } from '../../server/src/engine/text/joined';
import { SourceText } from '../../server/src/engine/text/source';
import { parseProseDate, parseUsDate } from '../../server/src/engine/text/dates';
import { endsWithDecision } from '../../server/src/engine/parser/items';
import { DECISION_PATTERN } from '../../server/src/engine/vocabulary';
import { matchItemLabel } from '../../server/src/engine/parser/field-labels';
import { endsWithColon, isBlankText, isWhiteSpace, leadingSpaceEnd, trailingSpaceStart } from '../../server/src/engine/text/spaces';

/**
 * The helpers rewritten to run in linear time give what the old regular-expression versions gave: the
 * old code is the oracle here, run on many deterministic pseudo-random strings of the characters that
 * matter (spaces, brackets, commas, colons, ampersands, dashes, periods).
 */

function strings(seed: number, alphabet: string[], count: number, maxLength: number): string[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(rnd() * maxLength) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(''));
}

const ALPHABET = ['a', 'B', ' ', '  ', '\t', '(', ')', '[', ']', ',', '.', ':', ';', '&', '-', 'é', '\u2013', 'x'];

function oldNormalize(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[®™©]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/(\p{L})- +(\p{Ll})/gu, '$1-$2')
    .replace(/\s+&\s+/g, ' and ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s*:\s*/g, ': ')
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/u, '')
    .trim();
}

function oldStrip(n: string): string {
  let prev = '';
  let out = n;
  while (out !== prev) {
    prev = out;
    out = out.replace(/\s*[([][^()[\]]*[)\]]/g, '');
  }
  return out.replace(/\s+/g, ' ').replace(/[\s.,;:]+$/u, '').trim();
}

describe('linear-time helpers agree with the old patterns', () => {
  it('normalizeName', () => {
    for (const s of strings(1, ALPHABET, 20000, 16)) assert.equal(normalizeName(`${s}z`), oldNormalize(`${s}z`), JSON.stringify(s));
  });

  it('normalizeName of names ending in runs of white space and punctuation, and a run of a million colons at once', () => {
    const ends = ['a', 'B', ' ', '  ', '\t', ',', '.', ':', ';', '&', '-', '\u00a0', '\u2028', '\u2026', '\uff1a', '\u00ae', 'x', '\u2013'];
    for (const s of strings(11, ends, 20000, 14)) assert.equal(normalizeName(s), oldNormalize(s), JSON.stringify(s));
    const start = performance.now();
    assert.equal(normalizeName(`Opioids${':'.repeat(1_000_000)}`), 'opioids');
    assert.ok(performance.now() - start < 150);
  });

  it('stripParenthesized', () => {
    for (const s of strings(2, ALPHABET, 20000, 16)) assert.equal(stripParenthesized(s), oldStrip(s), JSON.stringify(s));
  });

  it('SentenceIndex finds the sentence around any offset as a scan of all sentences does', () => {
    const words = ['The', 'patient', 'e.g.', 'Dr.', 'p.', '98.', 'It', 'is', 'not', 'necessary.', '"Yes."', 'No.', '5', ' ', '\n', '(Table 12-8).', '2.5', 'mg.', 'J.', 'Smith'];
    for (const s of strings(3, words.map((w) => `${w} `), 300, 40)) {
      const spans = splitSentences(s);
      const index = new SentenceIndex(s);
      for (let at = 0; at <= s.length; at++) {
        let start = 0;
        for (const sp of spans) {
          if (sp.start > at) break;
          start = sp.start;
        }
        assert.equal(index.startBefore(at), start, `${JSON.stringify(s)} @${at}`);
        let end = s.length;
        for (const sp of spans) {
          if (sp.end <= at) continue;
          let e = sp.end;
          while (e > at && /["'\u201d\u2019)\]]/.test(s[e - 1] ?? '')) e--;
          end = e > at && /[.!?]/.test(s[e - 1] ?? '') ? e - 1 : sp.end;
          break;
        }
        assert.equal(index.endAfter(at), end, `${JSON.stringify(s)} @${at}`);
      }
    }
  });

  it('qualifierAfter gives what the old pattern gave, and a run of dashes after the phrase reads at once', () => {
    // the old pattern: the lead qualifiers, or a condition word after at most four words
    const old = new RegExp(`${QUALIFIER_LEAD.source}|^(?:\\W*[a-z0-9'/-]+){0,4}?\\W*\\b(?:only (?:if|when|after|with|for|in)|if|unless|when|whenever|as long as)\\b`);
    const words = ['a', 'bc', '7', ' ', '  ', '-', "'", '/', '_', 'B', ',', '.', 'é', 'if', 'xif', 'ifs', 'when', 'whenever', 'unless', 'only', 'only if', 'as long as', 'for up to'];
    let matched = 0;
    for (const s of strings(4, words, 20000, 12)) {
      const want = old.test(s);
      if (want) matched++;
      assert.equal(qualifierAfter(s), want, JSON.stringify(s));
    }
    assert.ok(matched > 2000 && matched < 18000, `${matched} of 20000 strings qualified`);
    // the old pattern took 20 s on this (every way to cut the dashes into words and separators)
    const start = performance.now();
    assert.equal(qualifierAfter(` ${'-'.repeat(59)}`), false);
    assert.equal(qualifierAfter(` ${'-'.repeat(50)} only if`), true);
    assert.equal(qualifierAfter(` ${'-'.repeat(45)} a b c d e if`), false);
    assert.ok(performance.now() - start < 100);
  });

  it('withoutGuidelinesWord removes what /\\s+Guidelines?$/i removed, and reads a long run of spaces at once', () => {
    const words = ['a', ' ', '\u00a0', '\t', ',', 'Guideline', 'guidelines', 'GUIDELINES', 's', 'x', 'Guidelin'];
    for (const s of strings(5, words, 20000, 8)) assert.equal(withoutGuidelinesWord(s), s.replace(/\s+Guidelines?$/i, ''), JSON.stringify(s));
    const start = performance.now();
    assert.equal(withoutGuidelinesWord(`Chronic Pain${'\u00a0'.repeat(100_000)}Guide`), `Chronic Pain${'\u00a0'.repeat(100_000)}Guide`);
    assert.equal(withoutGuidelinesWord(`Chronic Pain${' '.repeat(100_000)}Guidelines`), 'Chronic Pain');
    assert.ok(performance.now() - start < 100);
  });

  it('the guideline scan gives what /[A-Za-z].*$/ gave', () => {
    const parts = ['a', 'B', ' ', ',', '\n', '\r', '\u2028', '\u2029', '\u00a0', '19', '20', '2009', '1999', '7', 'x', '.', '_'];
    let found = 0;
    for (const s of strings(5, parts, 20000, 12)) {
      const m = /[A-Za-z].*$/.exec(s);
      const got = fromFirstLetterOfLastLine(s);
      assert.deepEqual(got, m ? { index: m.index, text: m[0] } : undefined, JSON.stringify(s));
      if (m) found++;
    }
    assert.ok(found > 2000 && found < 18000, `${found} of 20000 strings with a letter on the last line`);
    // each took seconds with the pattern
    const start = performance.now();
    assert.equal(fromFirstLetterOfLastLine(`${'a'.repeat(100000)}\u2028x`)?.index, 100001);
    assert.ok(performance.now() - start < 100);
  });

  it('the case number line pattern matches what the old one matched, in linear time', () => {
    const old = /^[\s\f]*(?:Case\s+(?:Number|No\.?)\s*:?\s*)?([A-Z]{2}\d{2}-\d{4,})[\s\f]*$/;
    const parts = ['Case', ' ', '  ', '\t', '\f', 'No', 'Number', '.', ':', 'CM14-0999001', 'CM', '14', '-', '0999', 'x', 'C'];
    let matched = 0;
    for (const s of strings(6, parts, 20000, 10)) {
      const want = old.exec(s);
      if (want) matched++;
      assert.deepEqual(CASE_LINE.exec(s)?.slice(), want?.slice(), JSON.stringify(s));
    }
    assert.ok(matched > 200, `${matched} of 20000 lines matched`);
    const start = performance.now();
    assert.equal(CASE_LINE.test(`Case No${' '.repeat(100000)}x`), false);
    assert.equal(CASE_LINE.exec(`Case No:${' '.repeat(100000)}CM14-0999001 `)?.[1], 'CM14-0999001');
    assert.ok(performance.now() - start < 100);
  });

  it('repairWraps collapses every run of white space to its first character, as it collapsed runs of spaces', () => {
    const parts = ['a', 'B', 'x', ' ', '  ', '\t', '\u00a0', '\u2003', '\u2028', '\v', ',', '.', ':'];
    for (const s of strings(7, parts, 5000, 16)) {
      const text = `${s}\nq ${s}z`;
      const jt = JoinedText.fromLines(new SourceText(text), 0, 1);
      const repaired = jt.repairWraps();
      assert.equal(repaired.text, jt.text.replace(/\s{2,}/g, (run) => run.charAt(0)), JSON.stringify(s));
      assert.ok(!/\s\s/.test(repaired.text), JSON.stringify(s));
      // the old collapse, of spaces only, where the text has no other white space side by side
      if (!/\s(?<! )\s|\s\s(?<! )/.test(jt.text)) assert.equal(repaired.text, jt.text.replace(/ {2,}/g, ' '), JSON.stringify(s));
      // every character kept maps back to itself in the source
      const src = new SourceText(text);
      for (let i = 0; i < repaired.text.length; i++) {
        const c = repaired.text.charAt(i);
        const r = repaired.rangeOf(i, i + 1);
        if (c !== ' ' || r.start.line === r.end.line) assert.ok(src.getText(r) === c || (c === ' ' && /\s/.test(src.getText(r))), `${JSON.stringify(s)} @${i}`);
      }
    }
  });

  it('the white space scans by character code give what \\s, trim and the per-line patterns give', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isWhiteSpace(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
    const parts = ['a', ':', ' ', '\t', '\f', '\u00a0', '\u2003', '\ufeff', '\u2028', '.', 'Z'];
    for (const s of strings(11, parts, 20000, 10)) {
      assert.equal(leadingSpaceEnd(s), s.length - s.trimStart().length, JSON.stringify(s));
      assert.equal(trailingSpaceStart(s), s.trimEnd().length, JSON.stringify(s));
      assert.equal(isBlankText(s), /^[\s\f]*$/.test(s), JSON.stringify(s));
      assert.equal(endsWithColon(s), /:\s*$/.test(s), JSON.stringify(s));
    }
  });

  it('header and prose dates read by character codes and month lengths give what the pattern and Date gave', () => {
    const oldUs = (s: string): number | undefined => {
      const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
      if (!m) return undefined;
      const [month, day, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (month < 1 || month > 12 || day < 1 || year < 1900) return undefined;
      if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
      return Date.UTC(year, month - 1, day);
    };
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (const year of [1899, 1900, 1904, 1999, 2000, 2016, 2024, 2100, 2400, 9999]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const s = `${pad(month, 2)}/${pad(day, 2)}/${pad(year, 4)}`;
          assert.equal(parseUsDate(s), oldUs(s), s);
          if (oldUs(s) !== undefined) assert.equal(parseProseDate(s), oldUs(s), s);
        }
      }
    }
    for (const s of strings(13, ['0', '1', '2', '9', '/', '-', ' ', 'a', '\u0660', '12/31/2016'], 20000, 12)) assert.equal(parseUsDate(s), oldUs(s), JSON.stringify(s));
    assert.equal(parseProseDate('February 29, 2016'), Date.UTC(2016, 1, 29));
    assert.equal(parseProseDate('Feb. 29 2015'), undefined);
    assert.equal(parseProseDate('2/29/00'), Date.UTC(2000, 1, 29));
  });

  it('the item line and label tests read by hand give what their patterns give', () => {
    const endsWith = new RegExp(`:\\s*(${DECISION_PATTERN})\\.?\\s*$`, 'i');
    const parts = ['Upheld', 'upHELD', 'Overturned', 'OVERTURNE', 'pheld', ':', ' ', '\t', '\u00a0', '.', '..', 'x', 'Decision', 'rationale', 'Claims', 'MAXIMUS', 'guideline', 'Guidline', 'Maximus', '\f', ',', 'a'];
    let decided = 0;
    for (const s of strings(17, parts, 40000, 7)) {
      const want = endsWith.test(s);
      if (want) decided++;
      assert.equal(endsWithDecision(s), want, JSON.stringify(s));
    }
    // the label matcher's cheap tests only skip lines none of its patterns match
    const exactRe = /^([\s\f]*)(Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)(\s*:\s*)/i;
    const bareRe = /^([\s\f]*)(Claims\s+Administrator\s+guideline|MAXIMUS\s+guideline|Decision\s+rationale)(\s+)(?=[A-Z])/;
    const wordsRe = /^([\s\f]*)([A-Za-z]+(?:[ \t]+[A-Za-z]+){1,2})([ \t]*:[ \t]*)/;
    const lines: string[] = [];
    for (const indent of ['', ' ', '\t', '\f ', 'x'])
      for (const label of ['Decision rationale', 'Claims Administrator guideline', 'MAXIMUS guideline', 'Decison rationale', 'MAXIMUS guidline', 'decision  rationale', 'Decision\trationale', 'Claims Adminstrator guideline', 'Item one', 'Some words here', 'One', 'Four words are here'])
        for (const sep of [':', ' :', '', ' ', ':  ', ',', '\t: '])
          for (const rest of ['Upheld', 'Text', 'text', '', ' x', '5']) lines.push(indent + label + sep + rest);
    let labels = 0;
    for (const s of lines) {
      const m = matchItemLabel(s);
      if (m) labels++;
      if (exactRe.test(s)) assert.ok(m && m.issue === undefined, JSON.stringify(s));
      else if (bareRe.test(s)) assert.equal(m?.issue, 'no-colon', JSON.stringify(s));
      else if (!wordsRe.test(s)) assert.equal(m, undefined, JSON.stringify(s));
      else if (m) assert.equal(m.issue, 'misspelled', JSON.stringify(s));
    }
    assert.ok(decided > 200 && labels > 200, `${decided} decided, ${labels} labels`);
  });
});
