import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULES, docsUrl } from '../../engine';
import { Formatter } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, as GitHub code scanning reads it. Paths are relative to %SRCROOT% (the working directory). */
export const sarif: Formatter = (results, { cwd, version }) => {
  const ruleIndex = new Map<string, number>();
  const rules = RULES.map((r, i) => {
    ruleIndex.set(r.meta.id, i);
    return {
      id: r.meta.id,
      name: r.meta.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: r.meta.description },
      helpUri: docsUrl(r.meta.id),
      defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
      properties: { fixable: r.meta.fixable, hasSuggestions: r.meta.hasSuggestions },
    };
  });
  const sarifResults = results.flatMap((r) => {
    const rel = path.relative(cwd, r.filePath).split(path.sep).join('/');
    const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
    const artifactLocation = inside ? { uri: encodeURI(rel), uriBaseId: '%SRCROOT%' } : { uri: pathToFileURL(r.filePath).href };
    return r.findings.map((f) => {
      const res: Record<string, unknown> = {
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: f.range.start.line + 1,
                startColumn: f.range.start.character + 1,
                endLine: f.range.end.line + 1,
                endColumn: f.range.end.character + 1,
              },
            },
          },
        ],
      };
      const idx = ruleIndex.get(f.ruleId);
      if (idx !== undefined) res.ruleIndex = idx;
      // SARIF's `fixes` are *proposed* fixes (§3.27.30), which a viewer offers and a person applies: the
      // fix and each suggestion are one; the property bag says which one --fix would apply unattended
      const proposed = [...(f.fix ? [{ fix: f.fix, kind: 'fix' }] : []), ...(f.suggestions ?? []).map((s) => ({ fix: s, kind: 'suggestion' }))];
      if (proposed.length > 0) {
        res.fixes = proposed.map(({ fix, kind }) => ({
          description: { text: fix.title },
          artifactChanges: [
            {
              artifactLocation,
              replacements: fix.edits.map((e) => ({
                deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
                insertedContent: { text: e.newText },
              })),
            },
          ],
          properties: { kind },
        }));
      }
      return res;
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'imr-lint', version, semanticVersion: version, informationUri: 'https://github.com/imr-tools/imr-letter-tools', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd + path.sep).href } },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
