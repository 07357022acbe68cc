import { EvidencePolicy, IndexGuideline, IndexTopic, provenanceOf, provenanceText } from '../engine';
import { formatPages } from './mtus';

/** How letters cite a guideline: its first name plus year ("Chronic Pain Medical Treatment 2016"). */
export function citedName(g: IndexGuideline): string {
  return `${g.names[0] ?? g.title} ${g.year}`;
}

/** A numbered section as letters write it: "3.3.6 <part>: <title>", with a 3.3.1 parent between for 3.3.1.x. */
export function sectionCitation(g: IndexGuideline, t: IndexTopic): string {
  if (!t.number) return t.name;
  const chain: string[] = [];
  if (t.part && t.part !== t.name) chain.push(t.part);
  const segs = t.number.split('.');
  if (segs.length >= 4) {
    const parentNumber = segs.slice(0, -1).join('.');
    const parent = g.topics.find((x) => x.number === parentNumber);
    if (parent) chain.push(parent.name);
  }
  chain.push(t.name);
  return `${t.number} ${chain.join(': ')}`;
}

/** Label of a topic in lists: "3.3.6 Use of Urine Drug Testing (UDT)" or "Physical medicine". */
export function topicLabel(t: IndexTopic): string {
  return t.number ? `${t.number} ${t.name}` : t.name;
}

function verifiedText(verified: boolean, source: string | undefined): string {
  const what = verified ? 'verified' : 'unverified (seed value: a mismatch is a warning, not an error)';
  return source ? `${what} — source: ${source}` : what;
}

/** Markdown about a guideline: title, year, regulation, how letters name it, page span, verification. */
export function describeGuideline(g: IndexGuideline): string {
  const lines = [`**${g.title}** (${g.year})`, ''];
  if (g.regulation) lines.push(`Regulation: ${g.regulation}  `);
  lines.push(`Cited as: ${g.names.map((n) => `\`${n} ${g.year}\``).join(', ')}  `);
  if (g.pageSpan) lines.push(`Pages: ${formatPages([g.pageSpan])}${g.pageCount ? ` (${g.pageCount} pages)` : ''}  `);
  if (g.chapter !== undefined) lines.push(`ACOEM chapter ${g.chapter}  `);
  lines.push(`Topics in the index: ${g.topics.length}${g.numberedSections ? ' (numbered sections)' : ''}  `);
  lines.push(`Index entry: ${verifiedText(g.verified, g.source)}`);
  return lines.join('\n');
}

/**
 * Markdown about a topic of a guideline: description, pages, guideline, regulation, and where the
 * pages come from (verified from the PDF page N / consensus of N letters / unverified).
 */
export function describeTopic(g: IndexGuideline, t: IndexTopic, evidence?: Partial<EvidencePolicy>): string {
  const lines = [`**${topicLabel(t)}**`, ''];
  if (t.description) lines.push(t.description, '');
  if (t.part && t.part !== t.name) lines.push(`Part: ${t.part}  `);
  lines.push(`Pages: ${t.pages.length > 0 ? formatPages(t.pages) : 'unknown'}  `);
  lines.push(`Guideline: ${g.title} ${g.year}${g.regulation ? ` (${g.regulation})` : ''}  `);
  if (t.aliases.length > 0) lines.push(`Also cited as: ${t.aliases.join('; ')}  `);
  lines.push(`Index entry: ${provenanceText(provenanceOf(t, evidence), evidence)}`);
  return lines.join('\n');
}
