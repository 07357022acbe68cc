/**
 * The bundled MTUS index compiled at build time (scripts/compile-assets.ts → generated/mtus-index.json):
 * the guidelines exactly as parsing server/data/mtus-index.yaml gives them, with the zero-based YAML
 * line of every guideline and topic (go-to-definition, related information), so that a run does not
 * parse YAML. Used only when it was made from the YAML file the tool now has; otherwise, and for
 * every other index file, the YAML is parsed (mtus/yaml-index.ts).
 */
import * as fs from 'fs';
import { findAsset } from '../assets';
import { IndexGuideline, IndexTopic } from '../mtus/types';
import type { ParsedIndexFile } from '../mtus/yaml-index';
import { contentStamp } from './stamp';

export const GENERATED_INDEX_FILE = 'generated/mtus-index.json';

type StoredTopic = Omit<IndexTopic, 'file'>;
type StoredGuideline = Omit<IndexGuideline, 'file' | 'topics'> & { topics: StoredTopic[] };

/** The stored form: entries without their file (filled in when loaded), and the fields each entry wrote. */
export interface CompiledIndexFile {
  sourceStamp: string;
  guidelines: StoredGuideline[];
  given: { keys: string[]; topics: string[][] }[];
}

/** The stored form of a parsed index file (the build refuses a file with problems). */
export function compileParsedIndex(parsed: ParsedIndexFile, sourceText: string): CompiledIndexFile {
  if (parsed.problems.length > 0) throw new Error(`the bundled index has problems: ${parsed.problems.map((p) => p.message).join('; ')}`);
  const guidelines: StoredGuideline[] = parsed.guidelines.map(({ file: _f, topics, ...g }) => ({
    ...g,
    topics: topics.map(({ file: _t, ...t }) => t),
  }));
  const given = parsed.guidelines.map((g) => ({ keys: [...(parsed.given.get(g) ?? [])], topics: g.topics.map((t) => [...(parsed.given.get(t) ?? [])]) }));
  return { sourceStamp: contentStamp(sourceText), guidelines, given };
}

let stored: CompiledIndexFile | null | undefined;

function readStored(): CompiledIndexFile | undefined {
  if (stored === undefined) {
    const file = findAsset(GENERATED_INDEX_FILE);
    try {
      stored = file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledIndexFile) : null;
    } catch {
      stored = null;
    }
  }
  return stored ?? undefined;
}

/** The parsed form of the bundled index `file` whose text is `text`, when the build compiled that text. */
export function compiledBundledIndex(text: string, file: string): ParsedIndexFile | undefined {
  const c = readStored();
  if (!c || c.sourceStamp !== contentStamp(text) || !Array.isArray(c.guidelines) || !Array.isArray(c.given)) return undefined;
  const given = new WeakMap<object, ReadonlySet<string>>();
  const guidelines = c.guidelines.map((sg, gi) => {
    const topics: IndexTopic[] = sg.topics.map((st, ti) => {
      const t: IndexTopic = { ...st, file };
      given.set(t, new Set(c.given[gi]?.topics[ti] ?? []));
      return t;
    });
    const g: IndexGuideline = { ...sg, topics, file };
    given.set(g, new Set(c.given[gi]?.keys ?? []));
    return g;
  });
  return { guidelines, problems: [], given };
}
