/**
 * Adversarial letter shapes: a letter of our own with one part blown up by a repeated unit, built at
 * any size. Each shape is a text that once made some pattern of the engine backtrack or some step
 * rescan (issue 12), or that looks like it could: a run of one character where a pattern expects a
 * list, a label repeated, a reference repeated. The unit tests lint each shape at a small size and
 * check that the result is sane; `npm run bench:adversarial` times each at 10 KB, 100 KB and 1 MB.
 *
 * Every shape is built from the letter below (an invented case, no real case number), so a shape
 * differs from a normal letter only in its repeated part.
 */
import { seededRandom as random } from '../helpers/random';
import { nth } from '../helpers/checked';

export interface Shape {
  /** Short id, printed by the benchmark. */
  name: string;
  /** What the repeated part is. */
  description: string;
  /** The letter, about `bytes` long (at least the base letter). */
  build(bytes: number): string;
}

interface Slots {
  licensure?: string;
  specialty?: string;
  summary?: string;
  items?: string;
  itemLine?: string;
  claimsGuideline?: string;
  maximusGuideline?: string;
  rationale?: string;
  tail?: string;
}

const BASE: Required<Slots> = {
  licensure: 'California, Arizona',
  specialty: 'Physical Medicine & Rehabilitation',
  summary: 'This is a patient with a date of injury of 1/25/13 who has low back pain. Opioids were requested.',
  items: '',
  itemLine: 'Oxycodone 10 mg #60: Upheld',
  claimsGuideline: 'Decision based on MTUS Chronic Pain Medical Treatment Guidelines Opioids Page(s): 74-96.',
  maximusGuideline: 'Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, Page(s): 74-96.',
  rationale:
    'California MTUS Chronic Pain Medical Treatment Guidelines page 80 supports continued opioids only with documented functional improvement. There is no such documentation. The request is not medically necessary.',
  tail: '',
};

/** The base letter with some of its parts replaced. */
export function letter(slots: Slots = {}): string {
  const s = { ...BASE, ...slots };
  return [
    'Case Number: CM14-0999001',
    'Date Assigned: 06/02/2014',
    'Date of Injury: 01/25/2013',
    'Decision Date: 07/10/2014',
    'UR Denial Date: 05/20/2014',
    'Priority: Standard',
    'Application Received: 05/28/2014',
    '',
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    '',
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no',
    'affiliation with the employer, employee, providers or the claims administrator.',
    '',
    'The Expert Reviewer has the following credentials:',
    `State(s) of Licensure: ${s.licensure}`,
    `Certification(s)/Specialty: ${s.specialty}`,
    '',
    'CLINICAL CASE SUMMARY',
    '',
    s.summary,
    '',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    '',
    s.itemLine,
    '',
    `Claims Administrator guideline: ${s.claimsGuideline}`,
    '',
    `MAXIMUS guideline: ${s.maximusGuideline}`,
    '',
    `Decision rationale: ${s.rationale}`,
    '',
    s.items,
    s.tail,
  ].join('\n');
}

/** `unit` repeated so that the letter built by `make` is about `bytes` long. */
function fill(bytes: number, unit: string, make: (run: string) => string): string {
  const base = make('').length;
  const n = Math.max(1, Math.ceil((bytes - base) / unit.length));
  return make(unit.repeat(n));
}

export const SHAPES: Shape[] = [
  {
    name: 'section-colons',
    description: 'Section(s): followed by a run of colons',
    build: (b) => fill(b, ':', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s):${r}` })),
  },
  {
    name: 'section-dots',
    description: 'Section(s): Opioids followed by a run of periods',
    build: (b) => fill(b, '.', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids${r}` })),
  },
  {
    name: 'section-open-parens',
    description: 'Section(s): Opioids followed by a run of opening parentheses',
    build: (b) => fill(b, '(', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids ${r}` })),
  },
  {
    name: 'section-a-dash',
    description: 'a section list of "a- a- a- …"',
    build: (b) => fill(b, 'a- ', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): ${r}Opioids` })),
  },
  {
    name: 'section-commas',
    description: 'a section list of "Opioids, Opioids, …" (every name a known topic)',
    build: (b) => fill(b, 'Opioids, ', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): ${r}Opioids, Page(s): 74-96.` })),
  },
  {
    name: 'section-unknown-names',
    description: 'a section list of distinct unknown names (fuzzy matching against every topic)',
    build: (b) => {
      const rnd = random(7);
      const word = () => Array.from({ length: 4 + Math.floor(rnd() * 8) }, () => String.fromCharCode(97 + Math.floor(rnd() * 26))).join('');
      const parts: string[] = [];
      let size = letter().length;
      while (size < b) {
        const p = `${word()} ${word()}`;
        parts.push(p);
        size += p.length + 2;
      }
      return letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): ${parts.join(', ')}.` });
    },
  },
  {
    name: 'section-long-name',
    description: 'one section name of a single very long word (fuzzy matching on a huge name)',
    build: (b) => fill(b, 'x', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioid${r}.` })),
  },
  {
    name: 'licensure-spaces',
    description: 'spaces inside the State(s) of Licensure: line',
    build: (b) => fill(b, ' ', (r) => letter({ licensure: `California${r}Arizona` })),
  },
  {
    name: 'specialty-spaces',
    description: 'spaces inside the Certification(s)/Specialty: line',
    build: (b) => fill(b, ' ', (r) => letter({ specialty: `Physical Medicine${r}Rehabilitation` })),
  },
  {
    name: 'rationale-guideline-pages',
    description: 'a rationale repeating "MTUS Chronic Pain Guidelines page 12"',
    build: (b) => fill(b, 'MTUS Chronic Pain Guidelines page 12 ', (r) => letter({ rationale: `${r}The request is not medically necessary.` })),
  },
  {
    name: 'rationale-page-list',
    description: 'a rationale with one page list "pages 1, 2, 3, …" without end',
    build: (b) => fill(b, '12, ', (r) => letter({ rationale: `Per the Chronic Pain Medical Treatment Guidelines pages ${r}13, opioids are not supported. The request is not medically necessary.` })),
  },
  {
    name: 'rationale-capitalised-words',
    description: 'a rationale of capitalised words without a guideline word (the prose guideline pattern)',
    build: (b) => fill(b, 'Aaa Bbb, ', (r) => letter({ rationale: `${r}page 12. The request is not medically necessary.` })),
  },
  {
    name: 'rationale-under',
    description: 'a rationale "page 12 under" followed by a long clause without end',
    build: (b) => fill(b, 'the opioid ', (r) => letter({ rationale: `The Chronic Pain Medical Treatment Guidelines page 80 under ${r}section. The request is not medically necessary.` })),
  },
  {
    name: 'rationale-no-sentence-end',
    description: 'a rationale of one endless sentence with a page reference every few words',
    build: (b) => fill(b, 'and see Chapter 12 page 3 of the Low Back Complaints chapter ', (r) => letter({ rationale: `${r}so the request is not medically necessary.` })),
  },
  {
    name: 'brackets',
    description: '"[[" repeated (an unclosed placeholder marker)',
    build: (b) => fill(b, '[[', (r) => letter({ rationale: `${r} The request is not medically necessary.` })),
  },
  {
    name: 'braces-and-angles',
    description: '"{{" and "<<" repeated (unclosed placeholder markers)',
    build: (b) => fill(b, '{{<<', (r) => letter({ rationale: `${r} The request is not medically necessary.` })),
  },
  {
    name: 'date-placeholders',
    description: '"XX/XX/" repeated without the year (the date placeholder)',
    build: (b) => fill(b, 'XX/XX/', (r) => letter({ summary: `${r} Opioids were requested.` })),
  },
  {
    name: 'item-lines',
    description: 'many "Item: Upheld" lines (one failing schema check per item)',
    build: (b) => fill(b, 'Item: Upheld\n', (r) => letter({ items: r })),
  },
  {
    name: 'item-blocks',
    description: 'many complete items (every part present, every citation checked)',
    build: (b) => {
      const unit = [
        'Oxycodone 10 mg #60: Upheld',
        '',
        'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines Opioids Page(s): 74-96.',
        '',
        'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, Page(s): 74-96.',
        '',
        'Decision rationale: The Chronic Pain Medical Treatment Guidelines page 80 do not support it. The request is not medically necessary.',
        '',
        '',
      ].join('\n');
      return fill(b, unit, (r) => letter({ items: r }));
    },
  },
  {
    name: 'decision-based-on',
    description: '"Decision based on " repeated in a guideline line',
    build: (b) => fill(b, 'Decision based on ', (r) => letter({ maximusGuideline: `${r}MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids.` })),
  },
  {
    name: 'decision-based-on-mtus',
    description: '"Decision based on MTUS " repeated in a guideline line',
    build: (b) => fill(b, 'Decision based on MTUS ', (r) => letter({ maximusGuideline: `${r}Chronic Pain Medical Treatment 2009, Section(s): Opioids.` })),
  },
  {
    name: 'citation-and-joiners',
    description: 'a guideline line of ", and " joiners between citations',
    build: (b) =>
      fill(b, 'Chronic Pain Medical Treatment 2009, Section(s): Opioids, and ', (r) => letter({ maximusGuideline: `Decision based on MTUS ${r}Chronic Pain Medical Treatment 2009, Section(s): Opioids.` })),
  },
  {
    name: 'citation-and-no-year',
    description: 'a guideline line of " and Aaa" without a year (the year-ahead look)',
    build: (b) => fill(b, 'and Aaa ', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids ${r}.` })),
  },
  {
    name: 'page-label-digits',
    description: 'Page(s): followed by digits and separators without end',
    build: (b) => fill(b, '1-', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, Page(s): ${r}2.` })),
  },
  {
    name: 'headings-repeated',
    description: 'a section heading repeated on many lines',
    build: (b) => fill(b, 'CLINICAL CASE SUMMARY\n\n', (r) => letter({ tail: r })),
  },
  {
    name: 'field-labels-repeated',
    description: 'header field labels repeated on many lines',
    build: (b) => fill(b, 'Date of Injury: 01/25/2013\n', (r) => letter({ tail: r })),
  },
  {
    name: 'dates-in-summary',
    description: 'a clinical summary of dates of injury',
    build: (b) => fill(b, 'date of injury of 1/25/13, ', (r) => letter({ summary: `This is a patient with a ${r}who has pain.` })),
  },
  {
    name: 'one-long-word',
    description: 'one line without a space',
    build: (b) => fill(b, 'a', (r) => letter({ tail: r })),
  },
  {
    name: 'spaces-line',
    description: 'one line of spaces ending in a word',
    build: (b) => fill(b, ' ', (r) => letter({ tail: `${r}x` })),
  },
  {
    name: 'blank-lines',
    description: 'many empty lines',
    build: (b) => fill(b, '\n', (r) => letter({ tail: r })),
  },
  {
    name: 'crlf-lines',
    description: 'many CRLF lines of short words',
    build: (b) => fill(b, 'word word\r\n', (r) => letter({ tail: r })),
  },
  {
    name: 'non-mtus-mixed-spaces',
    description: '"Decision based on Non" followed by a run of alternating spaces and no-break spaces',
    build: (b) => fill(b, ' \u00a0', (r) => letter({ maximusGuideline: `Decision based on Non${r}x` })),
  },
  {
    name: 'guideline-mixed-spaces',
    description: 'a guideline name with a run of alternating spaces and no-break spaces inside it',
    build: (b) => fill(b, ' \u00a0', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic${r}Pain 2009, Section(s): Opioids, Page(s): 74-96.` })),
  },
  {
    name: 'joiner-mixed-spaces',
    description: 'a citation followed by a run of alternating spaces and no-break spaces (the ", and " joiner)',
    build: (b) => fill(b, ' \u00a0', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids${r}x` })),
  },
  {
    name: 'page-label-mixed-spaces',
    description: '"Page" followed by a run of alternating spaces and no-break spaces in a guideline line',
    build: (b) => fill(b, ' \u00a0', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Page${r}x` })),
  },
  {
    name: 'page-list-mixed-spaces',
    description: 'a page list followed by a run of alternating spaces and no-break spaces',
    build: (b) => fill(b, ' \u00a0', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, Page(s): 74${r}x` })),
  },
  {
    name: 'guideline-head-commas',
    // a sixteenth of the letter (the quadratic trim took 6 s on 100 KB of it): the name is normalized several
    // times, each a string as long as the run, whose garbage alone grows faster than the letter
    description: 'a guideline name with a run of ", " before its year (a sixteenth of the letter; the rest one long word)',
    build: (b) => {
      const commas = ', '.repeat(Math.ceil(b / 32));
      return fill(b, 'a', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain${commas}x 2009, Section(s): Opioids.`, tail: r }));
    },
  },
  {
    name: 'guideline-line-separator',
    description: 'a topic of one long word and a line separator (U+2028) before Page(s):',
    build: (b) => fill(b, 'a', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain Medical Treatment 2009 Guidelines ${r}\u2028x Page(s): 74-96.` })),
  },
  {
    name: 'guideline-years-line-separator',
    description: 'a guideline name of years repeated and a line separator (U+2028) before Section(s):',
    build: (b) => fill(b, '2009 ', (r) => letter({ maximusGuideline: `Decision based on MTUS Chronic Pain ${r}\u2028x, Section(s): Opioids.` })),
  },
  {
    name: 'rationale-page-word-mixed-spaces',
    description: 'a rationale "pages" followed by a run of alternating spaces and no-break spaces',
    build: (b) => fill(b, ' \u00a0', (r) => letter({ rationale: `See pages${r}x. The request is not medically necessary.` })),
  },
  {
    name: 'summary-injury-mixed-spaces',
    description: 'a clinical summary "work injury" followed by a run of alternating spaces and no-break spaces',
    build: (b) => fill(b, ' \u00a0', (r) => letter({ summary: `The patient had a work injury${r}x. Opioids were requested.` })),
  },
  {
    name: 'case-line-spaces',
    description: 'a line "Case No" and a run of spaces among the items (the repeated case number line of page breaks)',
    build: (b) => fill(b, ' ', (r) => letter({ tail: `Case No${r}x` })),
  },
  {
    name: 'punctuation-soup',
    description: 'pseudo-random punctuation, digits and letter-words',
    build: (b) => {
      const rnd = random(12);
      const alphabet = [' ', ' ', ':', '.', ',', '(', ')', '-', '[', ']', '/', 'p', 'page ', '12', 'Guidelines ', 'and ', 'Section(s): ', 'Page(s): ', '\n', 'MTUS '];
      const parts: string[] = [];
      let size = letter().length;
      while (size < b) {
        const p = nth(alphabet, Math.floor(rnd() * alphabet.length), 'alphabet entry');
        parts.push(p);
        size += p.length;
      }
      return letter({ rationale: parts.join('') });
    },
  },
];
