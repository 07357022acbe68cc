import * as assert from 'assert';
import { citationCompletions, TRIGGER_SUGGEST } from '../../server/src/service/completion-citations';
import { CompletionItem, CompletionItemKind, InsertTextFormat } from '../../server/src/service/lsp-types';
import { paragraphBefore } from '../../server/src/service/paragraph';
import { guideline } from './indexed';
import { cursor, index, span } from './letter';

const CLAIMS = 'Claims Administrator guideline: Decision based on MTUS ';

function cite(marked: string): CompletionItem[] | undefined {
  const { lines, position } = cursor(marked);
  return citationCompletions(paragraphBefore(lines, position), position, index());
}

function edit(i: CompletionItem): string {
  const e = i.textEdit as { range: Parameters<typeof span>[0]; newText: string };
  return `@${span(e.range)} ${e.newText}`;
}

const CITED_NAMES = () => index().guidelines.map((g) => `${g.names[0]} ${g.year}`);

describe('service/completion-citations', () => {
  it('answers at once on a citation line with a long run of spaces (the joiner search was quadratic: 1 s at 40,000)', () => {
    const start = performance.now();
    for (const tail of [' '.repeat(40_000), ' 2009, Section(s):'.concat(' '.repeat(40_000)), ', and'.concat(' '.repeat(40_000))]) cite(`${CLAIMS}Chronic Pain${tail}|`);
    assert.ok(performance.now() - start < 300, `${(performance.now() - start).toFixed(0)} ms`);
    // the run still joins two citations when "and" and a guideline follow it
    assert.deepStrictEqual(cite(`${CLAIMS}Chronic Pain Medical Treatment 2009, Section(s): Opioids,${' '.repeat(50)}and Low B|`)!.map((i) => i.label).slice(0, 1), [CITED_NAMES()[0]]);
  });

  it('is not in a citation before "Decision based on MTUS" or in a Non-MTUS citation', () => {
    assert.strictEqual(cite('Claims Administrator guideline: Decision based on|'), undefined);
    assert.strictEqual(cite('MAXIMUS guideline: Decision based on Non-MTUS Citation ODG|'), undefined);
    assert.strictEqual(cite('The request is not medically necessary|'), undefined);
  });

  it('offers every guideline by its cited name and year, replacing the partial name', () => {
    const items = cite(`${CLAIMS}Low B|`)!;
    assert.deepStrictEqual(items.map((i) => i.label), CITED_NAMES());
    const lowBack = items.find((i) => i.label === 'Low Back Complaints 2004')!;
    assert.deepStrictEqual([edit(lowBack), lowBack.kind, lowBack.filterText], ['@0:55-0:60 Low Back Complaints 2004', CompletionItemKind.Module, 'Low Back Complaints 2004']);
    assert.strictEqual(lowBack.detail, `Low Back Complaints 2004${guideline('acoem-low-back-2004').regulation ? ` — ${guideline('acoem-low-back-2004').regulation}` : ''}`);
    // a half-typed year still replaces the whole name
    assert.deepStrictEqual(cite(`${CLAIMS}Low Back Complaints 20|`)!.map(edit).slice(0, 1), ['@0:55-0:77 Chronic Pain Medical Treatment 2009']);
  });

  it('offers the spelling being typed next to the cited name', () => {
    const labels = cite(`${CLAIMS}Chronic Pain Treatment Guidelines |`)!.filter((i) => i.kind === CompletionItemKind.Module).map((i) => i.label);
    assert.deepStrictEqual(labels.slice(0, 4), ['Chronic Pain Medical Treatment 2009', 'Chronic Pain Treatment Guidelines 2009', 'Chronic Pain Medical Treatment 2016', 'Chronic Pain Treatment Guidelines 2016']);
  });

  it('offers page-style topics after a guideline name without a year', () => {
    const items = cite(`${CLAIMS}Chronic Pain Treatment Guidelines Phys|`)!;
    const topics = items.filter((i) => i.kind === CompletionItemKind.Reference);
    assert.strictEqual(topics.length, guideline('cpmtg-2009').topics.length);
    const pm = topics.find((i) => i.label === 'Physical medicine')!;
    assert.deepStrictEqual([edit(pm), pm.filterText], ['@0:89-0:93 Physical medicine Page(s): 98-99', 'Physical medicine']);
    // a topic without known pages: the pages become a tab stop
    const noPages = guideline('cpmtg-2009').topics.find((t) => t.pages.length === 0);
    assert.ok(noPages, 'a 2009 topic without pages');
    const i = topics.find((x) => x.label === noPages.name)!;
    assert.deepStrictEqual([edit(i), i.insertTextFormat], [`@0:89-0:93 ${noPages.name} Page(s): \${1}`, InsertTextFormat.Snippet]);
  });

  it('offers ", Section(s):" once the year is written, and re-opens the suggestions', () => {
    const [after] = cite(`${CLAIMS}Low Back Complaints 2004|`)!;
    assert.deepStrictEqual([after!.label, after!.kind, after!.detail, edit(after!), after!.command], ['Section(s):', CompletionItemKind.Keyword, 'sections of Low Back Complaints 2004', '@0:79-0:79 , Section(s): ', TRIGGER_SUGGEST]);
    // a comma already typed is replaced, not doubled
    const [comma] = cite(`${CLAIMS}Low Back Complaints 2004, |`)!;
    assert.deepStrictEqual([edit(comma!), comma!.filterText], ['@0:79-0:81 , Section(s): ', ', Section(s):']);
    // the second citation of "…, and <guideline> <year>"
    const [second] = cite(`${CLAIMS}Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment, and Low Back Complaints 2004|`)!;
    assert.deepStrictEqual([second!.detail, edit(second!)], ['sections of Low Back Complaints 2004', '@0:161-0:161 , Section(s): ']);
  });

  it('offers the sections of the cited guideline and year, leaving out those already cited', () => {
    const all = cite(`${CLAIMS}Low Back Complaints 2004, Section(s): Spe|`)!;
    assert.deepStrictEqual(all.map((i) => i.label), guideline('acoem-low-back-2004').topics.map((t) => t.name));
    assert.strictEqual(edit(all.find((i) => i.label === 'Special Studies')!), '@0:93-0:96 Special Studies');
    const rest = cite(`${CLAIMS}Low Back Complaints 2004, Section(s): Special Studies, |`)!;
    assert.deepStrictEqual(rest.map((i) => i.label), guideline('acoem-low-back-2004').topics.map((t) => t.name).filter((n) => n !== 'Special Studies'));
    assert.strictEqual(edit(rest[0]!), '@0:110-0:110 Introduction');
    // the year picks the guideline: 2016 and 2009 chronic pain guidelines have different topics
    assert.strictEqual(cite(`${CLAIMS}Chronic Pain Medical Treatment Guidelines 2016, Section(s): Ph|`)!.length, guideline('cpmtg-2016').topics.length);
    assert.deepStrictEqual(cite(`${CLAIMS}Frobnication Guidelines 2016, Section(s): |`), []);
  });

  it('inserts numbered sections the way letters write them, with their part', () => {
    const items = cite(`${CLAIMS}Opioid Treatment 2016, Section(s): |`)!;
    const g = guideline('opioids-2016');
    const sub = g.topics.find((t) => t.number && t.number.split('.').length === 2 && t.part && t.part !== t.name);
    assert.ok(sub, 'a numbered sub-section with a part');
    const item = items.find((i) => i.label === `${sub.number} ${sub.name}`)!;
    assert.strictEqual((item.textEdit as { newText: string }).newText, `${sub.number} ${sub.part}: ${sub.name}`);
  });

  it('offers the topic\'s pages after "Page(s):" (or "Pages:"), and nothing once something else is typed', () => {
    const pages = cite(`${CLAIMS}Chronic Pain Treatment Guidelines\n    Physical Medicine Pages: |`)!;
    assert.deepStrictEqual(pages.map((i) => [i.label, i.kind, i.detail, edit(i)]), [['98-99', CompletionItemKind.Value, 'Physical medicine — Chronic Pain Medical Treatment Guidelines 2009', '@1:29-1:29 98-99']]);
    assert.deepStrictEqual(cite(`${CLAIMS}Chronic Pain Treatment Guidelines Physical Medicine Page(s): 9x|`), []);
    assert.deepStrictEqual(cite(`${CLAIMS}Chronic Pain Treatment Guidelines Nonexistent Topic Page(s): |`), []);
  });

  it('never starts a replacement inside the indentation of a continuation line', () => {
    const items = cite('Claims Administrator guideline: Decision based on\n  MTUS Low Back Complaints 2004, Section(s):\n    Spe|')!;
    assert.strictEqual(edit(items.find((i) => i.label === 'Special Studies')!), '@2:4-2:7 Special Studies');
  });

  it('continues a name or section begun on the line above without writing its first words twice', () => {
    // "Low⏎Ba|": an edit cannot span lines, so the item inserts what follows "Low "
    const name = cite(`${CLAIMS}Low\nBa|`)!;
    assert.deepStrictEqual(name.map((i) => [i.label, edit(i), i.filterText]), [['Low Back Complaints 2004', '@1:0-1:2 Back Complaints 2004', 'Back Complaints 2004']]);
    const section = cite(`${CLAIMS}Low Back Complaints 2004, Section(s): Special\n  Stu|`)!;
    assert.deepStrictEqual(section.map((i) => [i.label, edit(i)]), [['Special Studies', '@1:2-1:5 Studies']]);
    // a replacement that starts on the cursor's line is untouched
    assert.strictEqual(edit(cite(`${CLAIMS}Low Back Complaints 2004, Section(s):\nSpe|`)!.find((i) => i.label === 'Special Studies')!), '@1:0-1:3 Special Studies');
  });
});
