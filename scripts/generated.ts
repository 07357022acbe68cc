/**
 * Every generated artifact of the repository, computed from its one source (the rule registry, the
 * templates). `scripts/generate.ts` writes them; `--check` and test/generated.test.ts fail when one is stale.
 *
 *   package.json                     contributes.configuration `imr.rules` (one setting per rule, propertyNames)
 *   schemas/imrlintrc.schema.json    `rules`: the rule ids and each rule's options schema
 *   README.md, docs/rules/README.md  the rule tables, between `<!-- generated:rules -->` markers
 *   docs/rules/<id>.md               the facts list (severity, fix, options), between `<!-- generated:meta -->` markers
 *   snippets/imr.code-snippets       the editor snippets, from server/src/templates/templates.ts
 *   schemas/determination.schema.json  the decision words (items' `decision` enum), from engine/vocabulary.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../server/src/engine/rules';
import { DECISION_WORDS } from '../server/src/engine/vocabulary';
import { JsonSchema, Rule } from '../server/src/engine/rules/rule';
import { CODE_SNIPPETS_PATH, renderCodeSnippets } from '../server/src/templates/code-snippets';

export interface Artifact {
  /** Path relative to the repository root. */
  file: string;
  /** The file's content as it should be, computed from the current content. */
  render(current: string): string;
}

const SEVERITY_SETTINGS = ['off', 'info', 'warn', 'error'];

/** "error", "warning", or "off (warning)" for a rule that runs only when configured. */
export function defaultLabel(rule: Rule): string {
  return rule.meta.enabledByDefault === false ? `off (${rule.meta.defaultSeverity})` : rule.meta.defaultSeverity;
}

function fixLabel(rule: Rule): string {
  const kinds = [rule.meta.fixable ? 'fix' : '', rule.meta.hasSuggestions ? 'suggestions' : ''].filter(Boolean);
  return kinds.length > 0 ? kinds.join(', ') : 'no';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** How one rule may be set in `.imrlintrc`: a severity, `[severity, options]` or `{severity, options}`. */
function settingForms(options: JsonSchema): JsonSchema {
  const severity = { $ref: '#/definitions/severity' };
  return {
    oneOf: [
      severity,
      { type: 'array', minItems: 1, maxItems: 2, items: [severity, options] },
      { type: 'object', additionalProperties: false, properties: { severity, options } },
    ],
  };
}

/** Rules without options share one definition; a rule with options gets its own forms. */
function ruleSettingSchema(rule: Rule): JsonSchema {
  const description = `${rule.meta.description} Default: ${defaultLabel(rule)}.`;
  if (!rule.meta.optionsSchema) return { description, allOf: [{ $ref: '#/definitions/settingWithoutOptions' }] };
  return { description, ...settingForms(rule.meta.optionsSchema) };
}

function renderConfigSchema(current: string): string {
  const schema = JSON.parse(current) as { properties: Record<string, unknown>; definitions?: Record<string, unknown> };
  schema.definitions = { ...schema.definitions, settingWithoutOptions: settingForms({ type: 'object', additionalProperties: false, maxProperties: 0 }) };
  schema.properties.rules = {
    description: 'Rule severities and options, by rule id: `off`, `info`, `warn` or `error`, or `[severity, {options}]`, or `{severity, options}`.',
    type: 'object',
    propertyNames: { enum: RULES.map((r) => r.meta.id) },
    properties: Object.fromEntries(RULES.map((r) => [r.meta.id, ruleSettingSchema(r)])),
  };
  return json(schema);
}

function renderPackageJson(current: string): string {
  const pkg = JSON.parse(current) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } };
  const setting = pkg.contributes.configuration.properties['imr.rules'];
  if (!setting) throw new Error('package.json has no contributes.configuration.properties["imr.rules"]');
  const severity = { type: 'string', enum: SEVERITY_SETTINGS, enumDescriptions: ['Rule disabled', 'Information', 'Warning', 'Error'] };
  setting.properties = Object.fromEntries(RULES.map((r) => [r.meta.id, { ...severity, description: r.meta.description }]));
  setting.propertyNames = { enum: RULES.map((r) => r.meta.id) };
  setting.additionalProperties = severity;
  return json(pkg);
}

/** Replaces what lies between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function replaceBetweenMarkers(current: string, name: string, body: string, file: string): string {
  const open = `<!-- generated:${name} (npm run generate; do not edit) -->`;
  const close = `<!-- /generated:${name} -->`;
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${file}: markers ${open} … ${close} not found`);
  return `${current.slice(0, start + open.length)}\n${body}${current.slice(end)}`;
}

function readmeTable(linkBase: string): string {
  const rows = RULES.map((r) => `| [\`${r.meta.id}\`](${linkBase}${r.meta.id}.md) | ${defaultLabel(r)} | ${fixLabel(r)} | ${cell(r.meta.description)} |`);
  return ['| Rule | Default | Fix | Checks |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');
}

function docsTable(): string {
  const rows = RULES.map((r) => `| [${r.meta.id}](${r.meta.id}.md) | ${defaultLabel(r)} | ${fixLabel(r)} | ${r.meta.category} | ${cell(r.meta.description)} |`);
  return ['| Rule | Default | Fix | Category | Checks |', '| --- | --- | --- | --- | --- |', ...rows, ''].join('\n');
}

function optionsLine(rule: Rule): string {
  const props = (rule.meta.optionsSchema?.properties ?? {}) as Record<string, { description?: string }>;
  const names = Object.keys(props);
  if (names.length === 0) return '* Options: none';
  return `* Options: ${names.map((n) => `\`${n}\`${props[n]?.description ? ` (${props[n]?.description})` : ''}`).join('; ')}`;
}

function pageFacts(rule: Rule): string {
  const m = rule.meta;
  const severity = m.enabledByDefault === false ? `**off**; when switched on without a severity, **${m.defaultSeverity}**` : `**${m.defaultSeverity}**`;
  return [
    `* Default severity: ${severity}`,
    `* Fix: ${m.fixable ? '**yes** (mechanical and certain: applied by `--fix` and fix-all)' : 'no'}`,
    `* Suggestion: ${m.hasSuggestions ? '**yes** (offered as a quick fix the reviewer chooses; never applied unattended)' : 'no'}`,
    `* Category: ${m.category}`,
    optionsLine(rule),
    '',
  ].join('\n');
}

/** Rewrites the `enum` list of the item's `decision` property in place, keeping the file's layout. */
function renderDeterminationSchema(current: string): string {
  const at = current.indexOf('"decision": {');
  const open = at < 0 ? -1 : current.indexOf('"enum": [', at);
  const close = open < 0 ? -1 : current.indexOf(']', open);
  if (close < 0) throw new Error('schemas/determination.schema.json: no "decision": { … "enum": [ … ] } found');
  const indent = current.slice(current.lastIndexOf('\n', open) + 1, open);
  const items = DECISION_WORDS.map((w) => `${indent}  ${JSON.stringify(w)}`).join(',\n');
  return `${current.slice(0, open)}"enum": [\n${items}\n${indent}${current.slice(close)}`;
}

export function artifacts(): Artifact[] {
  return [
    { file: 'package.json', render: renderPackageJson },
    { file: 'schemas/imrlintrc.schema.json', render: renderConfigSchema },
    { file: 'README.md', render: (s) => replaceBetweenMarkers(s, 'rules', readmeTable('docs/rules/'), 'README.md') },
    { file: 'docs/rules/README.md', render: (s) => replaceBetweenMarkers(s, 'rules', docsTable(), 'docs/rules/README.md') },
    ...RULES.map((r) => {
      const file = `docs/rules/${r.meta.id}.md`;
      return { file, render: (s: string) => replaceBetweenMarkers(s, 'meta', pageFacts(r), file) };
    }),
    { file: CODE_SNIPPETS_PATH, render: () => renderCodeSnippets() },
    { file: 'schemas/determination.schema.json', render: renderDeterminationSchema },
  ];
}

export interface Staleness {
  file: string;
  /** Why it is stale: differs, or cannot be rendered (missing file or markers). */
  problem: string;
  want?: string;
}

/** The artifacts under `root` that differ from what the sources generate. */
export function staleArtifacts(root: string): Staleness[] {
  const stale: Staleness[] = [];
  for (const a of artifacts()) {
    const file = path.join(root, a.file);
    const have = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    let want: string;
    try {
      want = a.render(have);
    } catch (e) {
      stale.push({ file: a.file, problem: e instanceof Error ? e.message : String(e) });
      continue;
    }
    if (want !== have) stale.push({ file: a.file, problem: 'out of date', want });
  }
  return stale;
}
