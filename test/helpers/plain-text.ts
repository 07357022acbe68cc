/**
 * Simulates plain `pdftotext` (no -layout) output from -layout text, the ways real extractions differ:
 * no indentation or column spacing, the header's labels first and its values after them, and page
 * breaks that come with blank lines around the form feed, a form feed on a line of its own, and
 * repeated page furniture ("Page 2 of 5", the case number) at the break. `variant` picks which page
 * break shape each break gets (rotating through them), so several variants cover every shape.
 */
export function plainVariant(layout: string, variant: number): string {
  const lines = layout.split('\n');
  const caseNumber = /Case\s+Number:\s*(\S+)/.exec(layout)?.[1] ?? 'CM00-0000000';
  const out: string[] = [];
  const pages = layout.split('\f').length;
  let page = 1;
  let k = variant;
  for (const raw of lines) {
    if (!raw.includes('\f')) {
      out.push(collapse(raw));
      continue;
    }
    // one or more form feeds at the start of this line (pdftotext puts them before the next page's first line)
    const rest = collapse(raw.replace(/\f/g, ''));
    const shape = k++ % 6;
    const footer = `Page ${page} of ${pages}`;
    page += (raw.match(/\f/g) ?? []).length;
    switch (shape) {
      case 0: // blank line before the form feed
        out.push('', `\f${rest}`);
        break;
      case 1: // blank lines on both sides, the form feed on its own line
        out.push('', '\f', '', rest);
        break;
      case 2: // form feed glued, blank line after
        out.push('\f', '', rest);
        break;
      case 3: // page footer, then the next page's header line
        out.push('', footer, `\f${caseNumber}`, '', rest);
        break;
      case 4: // footer right after the text, no blank lines
        out.push(footer, `\f${rest}`);
        break;
      default: // as -layout gives it
        out.push(`\f${rest}`);
    }
  }
  return out.join('\n');
}

function collapse(line: string): string {
  return line.trim().replace(/ {2,}/g, ' ');
}
