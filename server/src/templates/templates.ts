import { CANONICAL_HEADING, CITATION_LABELS, CREDENTIAL_LABELS, CREDENTIALS_INTRO, DECISION_WORDS, directiveComment, HEADER_LABEL_TEXT, HeaderFieldKey, ITEM_FIELDS, RULES } from '../engine';
import { expandSnippet, maxTabstop, parseSnippet, serializeSnippet, shiftTabstops } from './snippet';

/**
 * The single source of the letter templates: `imr new` writes them, and scripts/generate.ts turns
 * them into snippets/imr.code-snippets for the editor. Bodies are VS Code snippet syntax, one string
 * per line. Fill-ins default to markers the `placeholder` rule flags ([[…]], XX/XX/XXXX), so a letter
 * written from a template lints clean except for what is still to be filled in.
 */

/** Where a template's text goes in a letter. */
export type TemplateSlot =
  | 'letter'
  | 'header'
  | 'howMade'
  | 'credentials'
  | 'clinicalCaseSummary'
  | 'issues'
  | 'item'
  | 'directive';

export interface Template {
  /** Name for `imr new --template NAME`. */
  name: string;
  /** Snippet title (the key in imr.code-snippets). */
  title: string;
  /** What the user types in the editor. */
  prefix: string;
  description: string;
  slot: TemplateSlot;
  /** True when the default text has fill-ins marked for the `placeholder` rule ([[…]], XX/XX/XXXX). */
  markedFillIns: boolean;
  /** Snippet body, one line per string. */
  body: string[];
}

/** A header label with its colon, padded to the column width. */
const label = (key: HeaderFieldKey, width: number): string => `${HEADER_LABEL_TEXT[key]}:`.padEnd(width);
const [CLAIMS, MAXIMUS, RATIONALE] = ITEM_FIELDS.map((f) => `${f.label}:`);
const SECTIONS = CITATION_LABELS.sections.canonical;

const HEADER = [
  `${label('caseNumber', 22)}\${1:[[CMyy-nnnnnnn]]}`,
  `${label('dateAssigned', 22)}\${2:XX/XX/XXXX}                      ${label('dateOfInjury', 23)}\${3:XX/XX/XXXX}`,
  `${label('decisionDate', 22)}\${4:XX/XX/XXXX}                      ${label('urDenialDate', 23)}\${5:XX/XX/XXXX}`,
  `${label('priority', 22)}\${6|Standard,Expedited|}                        ${label('applicationReceived', 23)}\${7:XX/XX/XXXX}`,
];

const CREDENTIALS = [CREDENTIALS_INTRO, `${CREDENTIAL_LABELS.licensure.label} \${1:California}`, `${CREDENTIAL_LABELS.specialty.label} \${2:[[Specialty]]}`];

const HOW_MADE_TEXT = [
  CANONICAL_HEADING.howMade,
  'The complete case file was sent by MAXIMUS Federal Services to an independent expert reviewer.',
  'The reviewer has no affiliation with the employer, the employee, the providers or the claims',
  'administrator, is licensed to practice in California, has been in active clinical practice for',
  'more than five years and was chosen for experience and expertise in specialties that evaluate or',
  'treat the condition and the disputed items/services. The reviewer knows the governing laws and',
  'regulations, including the strength of evidence hierarchy that applies to Independent Medical',
  'Review determinations.',
];

const CLINICAL_CASE_SUMMARY = [
  CANONICAL_HEADING.clinicalCaseSummary,
  'The expert reviewer prepared this summary from the case file, including all medical records:',
  '',
  '${1:[[Summary: age and sex, date of injury, diagnoses, treatment to date, the request and the utilization review decision]]}',
];

const ISSUES_INTRO = [
  CANONICAL_HEADING.issues,
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
];

const ITEM = [
  `\${1:[[Requested item]]}: \${2|${DECISION_WORDS.join(',')}|}`,
  '',
  `${CLAIMS} Decision based on \${3:[[MTUS <guideline> <year>, ${SECTIONS} <section>]]}.`,
  '',
  `${MAXIMUS} Decision based on \${4:[[MTUS <guideline> <year>, ${SECTIONS} <section>]]}.`,
  '',
  `${RATIONALE} ` + '${5:[[What the guideline recommends and whether the records show that its criteria are met]]} Therefore, the request for ${1} is ${6|not medically necessary,medically necessary|}.',
];

/** Joins parts into one body, renumbering each part's tabstops after the previous ones; ends with $0. */
export function composeBodies(parts: string[][], separator: string[] = ['']): string[] {
  const out: string[] = [];
  let offset = 0;
  parts.forEach((part, i) => {
    const nodes = parseSnippet(part.join('\n'));
    const shifted = shiftTabstops(nodes, offset);
    offset += maxTabstop(nodes);
    if (i > 0) out.push(...separator);
    out.push(...serializeSnippet(shifted).split('\n'));
  });
  out[out.length - 1] += '$0';
  return out;
}

function directiveChoices(): string {
  return RULES.filter((r) => r.meta.category !== 'directive').map((r) => r.meta.id).join(',');
}

/** Every template, in the order `imr new --list` shows them. */
export const TEMPLATES: readonly Template[] = [
  {
    name: 'letter',
    title: 'IMR letter (whole)',
    prefix: 'imr-letter',
    description: 'A whole IMR Final Determination letter: header, the three standard sections and one disputed item.',
    slot: 'letter',
    markedFillIns: true,
    body: composeBodies([HEADER, [...HOW_MADE_TEXT, '', ...CREDENTIALS], CLINICAL_CASE_SUMMARY, [...ISSUES_INTRO, '', ...ITEM]]),
  },
  {
    name: 'header',
    title: 'IMR header block',
    prefix: 'imr-header',
    description: 'The header block: Case Number, the five dates in order and Priority.',
    slot: 'header',
    markedFillIns: true,
    body: composeBodies([HEADER]),
  },
  {
    name: 'how-made',
    title: 'IMR section: how the determination was made',
    prefix: 'imr-how-made',
    description: 'The HOW THE IMR FINAL DETERMINATION WAS MADE section with the expert reviewer credentials.',
    slot: 'howMade',
    markedFillIns: true,
    body: composeBodies([[...HOW_MADE_TEXT, '', ...CREDENTIALS]]),
  },
  {
    name: 'credentials',
    title: 'IMR expert reviewer credentials',
    prefix: 'imr-credentials',
    description: 'The expert reviewer credentials: State(s) of Licensure and Certification(s)/Specialty.',
    slot: 'credentials',
    markedFillIns: true,
    body: composeBodies([CREDENTIALS]),
  },
  {
    name: 'clinical-case-summary',
    title: 'IMR section: clinical case summary',
    prefix: 'imr-clinical-case-summary',
    description: 'The CLINICAL CASE SUMMARY section with its introductory sentence and a summary to write.',
    slot: 'clinicalCaseSummary',
    markedFillIns: true,
    body: composeBodies([CLINICAL_CASE_SUMMARY]),
  },
  {
    name: 'issues',
    title: 'IMR section: issues, decisions and rationales',
    prefix: 'imr-issues',
    description: 'The IMR ISSUES, DECISIONS AND RATIONALES section with its introductory sentence and one disputed item.',
    slot: 'issues',
    markedFillIns: true,
    body: composeBodies([[...ISSUES_INTRO, '', ...ITEM]]),
  },
  {
    name: 'item',
    title: 'IMR disputed item',
    prefix: 'imr-item',
    description: 'A disputed item: the item line with its decision, the Claims Administrator guideline, the MAXIMUS guideline and the decision rationale.',
    slot: 'item',
    markedFillIns: true,
    body: composeBodies([ITEM]),
  },
  {
    name: 'disable-next-line',
    title: 'IMR: suppress a rule on the next line',
    prefix: 'imr-disable-next-line',
    description: 'A comment that suppresses one rule on the next line, with the reason.',
    slot: 'directive',
    markedFillIns: false,
    body: [`${directiveComment('next-line', [`\${1|${directiveChoices()}|}`], '${2:reason}')}$0`],
  },
  {
    name: 'disable-file',
    title: 'IMR: suppress a rule in the whole letter',
    prefix: 'imr-disable-file',
    description: 'A comment that suppresses one rule in the whole letter, with the reason.',
    slot: 'directive',
    markedFillIns: false,
    body: [`${directiveComment('file', [`\${1|${directiveChoices()}|}`], '${2:reason}')}$0`],
  },
];

export function findTemplate(name: string): Template | undefined {
  return TEMPLATES.find((t) => t.name === name || t.prefix === name);
}

/** The plain text a template inserts with every field left at its default, ending with a newline. */
export function expandTemplate(t: Template): string {
  return `${expandSnippet(t.body.join('\n'))}\n`;
}
