/** `imr index verify --pdf FILE --guideline ID`: the CLI face of engine/mtus/verify. */
import * as fs from 'fs';
import * as path from 'path';
import { createIndexProvider, FileReadError, maxOf, READ_LIMITS, readFileChecked } from '../engine';
import { defaultPdfReader, PdfInputError, verdictPages, verifyPdf, VerifyReport } from '../engine/mtus/verify';
import { CommandSpec, commandHelp, HELP_OPTION, parseCommand } from './args';
import { ToolError, UsageError } from './errors';
import { EXTRA_INDEX_OPTION } from './index-command';
import { CliIo } from './lint-command';
import { indexFor } from './setup';

export const VERIFY_COMMAND: CommandSpec = {
  name: 'imr index verify',
  summary: "check a guideline's topic pages against its PDF; --write a corrections file",
  usage: ['imr index verify --pdf FILE --guideline ID [--index FILE]... [--format stylish|json] [--write FILE] [--page-offset N]'],
  description: `Finds the heading of every topic of the guideline in its PDF and compares its page with the index's.
Exit 0 when every topic is confirmed, 1 when some moved or were not found, 2 on bad input.`,
  options: [
    { name: 'pdf', type: 'string', value: 'FILE', help: 'the guideline PDF (with a text layer)' },
    { name: 'guideline', type: 'string', value: 'ID', help: 'the guideline id in the index (cpmtg-2009, …)' },
    EXTRA_INDEX_OPTION,
    { name: 'format', type: 'string', value: 'NAME', default: 'stylish', help: 'stylish or json' },
    { name: 'write', type: 'string', value: 'FILE', help: 'write a corrections file (index format) for the moved topics' },
    { name: 'page-offset', type: 'string', value: 'N', help: 'printed page of physical page 1, minus 1 (default: read from the PDF)' },
    HELP_OPTION,
  ],
};

function reportJson(r: VerifyReport, wrote: string | undefined): string {
  return JSON.stringify(
    {
      pdf: r.pdf,
      guideline: { id: r.guideline.id, title: r.guideline.title, year: r.guideline.year },
      physicalPages: r.physicalPages,
      numbering: r.numbering,
      topics: r.topics.map((v) => ({
        name: v.topic.name,
        ...(v.topic.number ? { number: v.topic.number } : {}),
        status: v.status,
        indexPages: v.indexPages,
        headingPages: v.headingPages,
        ...(v.pdfPages ? { pdfPages: verdictPages(v) } : {}),
      })),
      tableOfContents: { found: r.tocFound, notInIndex: r.tocMissing },
      summary: summary(r),
      ...(wrote ? { wrote } : {}),
    },
    null,
    2,
  );
}

function summary(r: VerifyReport): Record<string, number> {
  const count = (s: string): number => r.topics.filter((v) => v.status === s).length;
  return { confirmed: count('confirmed'), moved: count('moved'), notFound: count('not-found'), tocNotInIndex: r.tocMissing.length };
}

function reportStylish(r: VerifyReport, wrote: string | undefined): string {
  const g = r.guideline;
  const out = [`${r.pdf} — ${g.title} ${g.year} (${g.id}), ${r.physicalPages} page(s)`, `  ${r.numbering.note}`, ''];
  const width = Math.min(60, Math.max(10, maxOf(r.topics.map((v) => label(v.topic).length))));
  for (const v of r.topics) {
    const name = label(v.topic).padEnd(width);
    if (v.status === 'confirmed') out.push(`  confirmed  ${name}  page(s) ${v.indexPages}`);
    else if (v.status === 'moved') out.push(`  moved      ${name}  index says ${v.indexPages || 'no pages'}, the PDF has ${verdictPages(v)} (heading on page ${v.headingPages.join(', ')})`);
    else out.push(`  not found  ${name}  index says ${v.indexPages || 'no pages'}`);
  }
  if (r.tocMissing.length > 0) {
    out.push('', '  In the table of contents but not in the index:');
    for (const e of r.tocMissing) out.push(`    ${e.title}${e.page !== undefined ? ` (page ${e.page})` : ''}`);
  } else if (!r.tocFound) out.push('', '  (no table of contents found)');
  const s = summary(r);
  out.push('', `${s.confirmed} confirmed, ${s.moved} moved, ${s.notFound} not found, ${s.tocNotInIndex} table-of-contents entr${s.tocNotInIndex === 1 ? 'y' : 'ies'} not in the index`);
  if (wrote) out.push(`Wrote ${wrote}`);
  return out.join('\n') + '\n';
}

function label(t: { name: string; number?: string }): string {
  return t.number ? `${t.number} ${t.name}` : t.name;
}

/** Exit 0 when every topic is confirmed, 1 when some moved or were not found, 2 on bad input. */
export async function runVerify(rest: string[], io: CliIo): Promise<number> {
  const args = parseCommand(rest, VERIFY_COMMAND);
  if (args.flag('help')) {
    io.stdout(`${commandHelp(VERIFY_COMMAND)}\n`);
    return 0;
  }
  const pdfArg = args.string('pdf');
  const id = args.string('guideline');
  if (pdfArg === undefined || id === undefined || args.positionals.length > 0) throw new UsageError(`usage: ${VERIFY_COMMAND.usage[0]}`);
  const format = args.string('format');
  if (format !== 'stylish' && format !== 'json') throw new UsageError(`--format must be stylish or json, not "${String(format)}"`);
  const offsetArg = args.string('page-offset');
  if (offsetArg !== undefined && !/^-?\d{1,4}$/.test(offsetArg)) throw new UsageError('--page-offset must be a whole number (printed page of physical page 1, minus 1)');
  const index = indexFor(createIndexProvider(), args.list('index').map((f) => path.resolve(io.cwd, f)));
  const guideline = index.guidelines.find((g) => g.id === id);
  if (!guideline) throw new UsageError(`unknown guideline "${id}" (ids: ${index.guidelines.map((g) => g.id).join(', ')})`);
  const pdfPath = path.resolve(io.cwd, pdfArg);
  let bytes: Uint8Array;
  try {
    bytes = readFileChecked(pdfPath, READ_LIMITS.pdf).bytes;
  } catch (e) {
    throw new ToolError(`${pdfArg}: ${e instanceof FileReadError ? e.detail : `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`}`);
  }
  let result;
  try {
    result = await verifyPdf(bytes, pdfPath, guideline, defaultPdfReader(), offsetArg !== undefined ? { offset: Number(offsetArg) } : undefined);
  } catch (e) {
    if (e instanceof PdfInputError) throw new ToolError(`${pdfArg}: ${e.message}`);
    throw e;
  }
  const write = args.string('write');
  let wrote: string | undefined;
  if (write !== undefined) {
    const out = path.resolve(io.cwd, write);
    try {
      fs.writeFileSync(out, result.corrections);
    } catch (e) {
      throw new ToolError(`${write}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    wrote = write;
  }
  io.stdout(format === 'json' ? reportJson(result.report, wrote) + '\n' : reportStylish(result.report, wrote));
  return result.report.topics.every((v) => v.status === 'confirmed') ? 0 : 1;
}
