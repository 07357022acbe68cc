/**
 * The corrections file `imr index verify --write` produces: an extra index file (the format the
 * loader accepts for `--index` and the `index` setting) with one correction entry for the guideline.
 * Moved topics get the PDF's pages; confirmed and moved topics become `verified: true` with
 * `source: "<file>, page N"` and `evidence: {pdf, page}`. Topics not found are left out.
 */
import { formatPages } from '../pages';
import { PageSpan } from '../types';
import { VerifyReport } from './verify';

const q = (s: string): string => JSON.stringify(s);

function pagesValue(spans: readonly PageSpan[]): string {
  return spans.length === 1 ? q(formatPages(spans)) : `[${spans.map((s) => q(formatPages([s]))).join(', ')}]`;
}

/** The YAML text of the corrections file for a verification report. */
export function correctionsYaml(report: VerifyReport): string {
  const g = report.guideline;
  const out: string[] = [
    `# Corrections to the MTUS index for ${g.title} ${g.year} (${g.id}), read from ${report.pdf}`,
    `# by \`imr index verify\` (${report.numbering.note}).`,
    '# Load it with `imr-lint --index FILE` or the `index` list of .imrlintrc; check it with `imr index check FILE`.',
    'version: 1',
    'guidelines:',
    `  - id: ${g.id}`,
  ];
  const entries = report.topics.filter((v) => v.status !== 'not-found');
  if (entries.length === 0) {
    out.push('    topics: []');
    return out.join('\n') + '\n';
  }
  out.push('    topics:');
  for (const v of entries) {
    const spans = v.status === 'moved' && v.pdfPages && v.pdfPages.length > 0 ? v.pdfPages : v.topic.pages;
    const page = spans.map((s) => s.from).find((p) => v.headingPages.includes(p)) ?? v.headingPages[0];
    const status = v.status === 'moved' ? ` # moved: the index had ${v.indexPages || 'no pages'}` : '';
    out.push(`      - name: ${q(v.topic.name)}${status}`);
    out.push(`        pages: ${pagesValue(spans)}`);
    out.push('        verified: true');
    out.push(`        source: ${q(`${report.pdf}, page ${page}`)}`);
    out.push(`        evidence: {pdf: ${q(report.pdf)}, page: ${page}}`);
  }
  return out.join('\n') + '\n';
}
