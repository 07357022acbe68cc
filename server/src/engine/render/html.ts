import { Block, LetterLayout, Run } from './layout';

/**
 * Draws a letter layout as HTML for the editor's preview: the same blocks as the PDF, on a page-wide
 * sheet. Every block carries the letter lines it comes from (`data-line`, `data-last`) so the
 * preview can follow the editor, and blocks with findings get a mark in the left margin.
 * The output is a fragment with no scripts, styles or remote resources; LETTER_CSS styles it.
 */

export interface HtmlMark {
  /** Zero-based letter line the finding starts on. */
  line: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

export const LETTER_CSS = `
.imr-sheet { box-sizing: border-box; max-width: 8.5in; margin: 0 auto; padding: 0.5in max(2.4em, min(1in, 6vw)); background: #fff; color: #111;
  font-family: "Times New Roman", Times, serif; font-size: 11pt; line-height: 14pt; box-shadow: 0 0 6px rgba(0,0,0,.3); }
.imr-sheet p, .imr-sheet h2, .imr-sheet table { position: relative; margin: 0; }
.imr-sheet .imr-gap { margin-top: 14pt; }
.imr-sheet h2 { font-size: 11pt; font-weight: bold; text-align: center; }
.imr-sheet .imr-centered { text-align: center; }
.imr-sheet .imr-item { font-weight: bold; }
.imr-sheet table.imr-header { border-collapse: collapse; width: 100%; }
.imr-sheet .imr-header th { font-weight: bold; text-align: left; padding: 0 8px 0 0; white-space: nowrap; vertical-align: top; }
.imr-sheet .imr-header td { padding: 0 16px 0 0; vertical-align: top; white-space: nowrap; }
.imr-sheet .imr-header tr { position: relative; }
.imr-mark { position: absolute; left: -2.2em; width: 1.6em; text-align: right; font-family: sans-serif; font-size: 10pt; cursor: help; }
.imr-mark-error { color: #c62828; }
.imr-mark-warning { color: #b26a00; }
.imr-mark-info { color: #1565c0; }
.imr-sheet [data-severity="error"] { box-shadow: -6px 0 0 -3px #c62828; }
.imr-sheet [data-severity="warning"] { box-shadow: -6px 0 0 -3px #e0a000; }
.imr-sheet [data-severity="info"] { box-shadow: -6px 0 0 -3px #1565c0; }
`;

const SEVERITY_ORDER: HtmlMark['severity'][] = ['error', 'warning', 'info'];
const SYMBOL: Record<HtmlMark['severity'], string> = { error: '\u2716', warning: '\u26a0', info: '\u2139' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The letter as an HTML fragment (a `div.imr-sheet`). */
export function renderHtml(layout: LetterLayout, marks: readonly HtmlMark[] = []): string {
  const out: string[] = ['<div class="imr-sheet">'];
  layout.blocks.forEach((b, i) => out.push(block(b, i > 0 && b.spaceBefore, marks)));
  out.push('</div>');
  return out.join('\n');
}

function block(b: Block, gap: boolean, marks: readonly HtmlMark[]): string {
  const lines = `data-line="${b.firstLine}" data-last="${b.lastLine}"`;
  if (b.kind === 'header') {
    const inHeader = marks.filter((m) => m.line >= b.firstLine && m.line <= b.lastLine);
    const rowOf = (m: HtmlMark) => Math.max(0, b.rows.findIndex((r) => r.some((c) => c && c.line === m.line)));
    const rows = b.rows.map((row, i) => {
      const rowMarks = inHeader.filter((m) => rowOf(m) === i);
      const cells = row.map((c) => (c ? `<th>${escapeHtml(c.label)}:</th><td>${escapeHtml(c.value)}</td>` : '<th></th><td></td>')).join('');
      const line = row.find((c) => c)?.line ?? b.firstLine;
      return `<tr data-line="${line}" data-last="${line}"${flag(rowMarks)}>${cells}${marker(rowMarks, 'td')}</tr>`;
    });
    return `<table class="imr-header${gap ? ' imr-gap' : ''}" ${lines}>${rows.join('')}</table>`;
  }
  const own = marks.filter((m) => m.line >= b.firstLine && m.line <= b.lastLine);
  const classes = [`imr-${b.kind}`, gap ? 'imr-gap' : ''].filter(Boolean).join(' ');
  const tag = b.kind === 'heading' ? 'h2' : 'p';
  return `<${tag} class="${classes}" ${lines}${flag(own)}>${marker(own, 'span')}${runs(b.runs)}</${tag}>`;
}

function runs(rs: Run[]): string {
  return rs.map((r) => (r.bold ? `<b>${escapeHtml(r.text)}</b>` : escapeHtml(r.text))).join('');
}

function worst(ms: readonly HtmlMark[]): HtmlMark['severity'] | undefined {
  return SEVERITY_ORDER.find((s) => ms.some((m) => m.severity === s));
}

function flag(ms: readonly HtmlMark[]): string {
  const s = worst(ms);
  return s ? ` data-severity="${s}"` : '';
}

/** The margin mark: the worst severity's symbol, every message in its tooltip. */
function marker(ms: readonly HtmlMark[], tag: 'span' | 'td'): string {
  const s = worst(ms);
  if (!s) return '';
  const title = escapeHtml(ms.map((m) => `${m.severity}: ${m.message}`).join('\n'));
  return `<${tag} class="imr-mark imr-mark-${s}" title="${title}" aria-label="${title}">${SYMBOL[s]}</${tag}>`;
}
