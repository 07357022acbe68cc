import { Citation, Determination, GuidelineLine, Item, Rationale } from './determination';
import { Range } from './range';

/** A JSON value, as `imr parse --json` prints it and the schema validates it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface JsonWithPointers {
  json: JsonObject;
  /** JSON pointer (ajv instancePath) → source range of the node it came from. */
  readonly ranges: Map<string, Range>;
}

/**
 * Converts the model to plain JSON. `withRanges` adds a `range` to every node (zero-based lines and
 * characters). The pointer map, which places schema errors precisely, is made the first time it is
 * read: a letter without schema errors never needs it (then the same walk runs once more, making pointers).
 */
export function toJson(det: Determination, withRanges = false): JsonWithPointers {
  return new JsonDocument(walk(det, { withRanges }), det);
}

/** The JSON and its pointer map, made on first use (a class: one shape for every letter's document). */
class JsonDocument implements JsonWithPointers {
  private pointers: Map<string, Range> | undefined;

  constructor(
    readonly json: JsonObject,
    private readonly det: Determination,
  ) {}

  get ranges(): Map<string, Range> {
    if (!this.pointers) {
      // filled first, kept after (a lint stopped by its time budget leaves no half-made map)
      const pointers = new Map<string, Range>();
      walk(this.det, { withRanges: false, ranges: pointers });
      this.pointers = pointers;
    }
    return this.pointers;
  }
}

/** What a walk makes besides the JSON: `range` members, and the pointer map when `ranges` is given. */
interface Walk {
  withRanges: boolean;
  ranges?: Map<string, Range>;
}

/** The pointer of member `name` of the node at `ptr`; not made (empty) when the walk keeps no pointers. */
function child(w: Walk, ptr: string, name: string | number): string {
  return w.ranges ? `${ptr}/${name}` : '';
}

/** Records the node's range: under its pointer, and as its `range` member with `withRanges`. */
function at(w: Walk, ptr: string, r: Range | undefined, obj: JsonObject): JsonObject {
  if (r) {
    w.ranges?.set(ptr, r);
    if (w.withRanges) obj.range = rangeJson(r);
  }
  return obj;
}

function walk(det: Determination, w: Walk): JsonObject {
  const ranges = w.ranges;
  ranges?.set('', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

  const header: JsonObject = {};
  for (const [key, f] of Object.entries(det.header.fields)) {
    if (!f) continue;
    header[key] = f.value;
    ranges?.set(`/header/${key}`, f.value ? f.valueRange : f.labelRange);
  }
  if (w.withRanges) header.range = rangeJson(det.header.range);
  ranges?.set('/header', det.header.range);

  const sections: JsonObject = {};
  const sectionList: Json[] = [];
  det.sections.forEach((s, i) => {
    const o: JsonObject = { heading: s.heading };
    if (w.withRanges) o.range = rangeJson(s.headingRange);
    if (!(s.id in sections)) {
      sections[s.id] = o;
      ranges?.set(`/sections/${s.id}`, s.headingRange);
    }
    sectionList.push(at(w, child(w, '/sectionList', i), s.headingRange, { id: s.id, heading: s.heading, canonical: s.canonical, exact: s.exact }));
  });
  ranges?.set('/sections', det.sections[0]?.headingRange ?? det.header.range);

  const credentials: JsonObject = {};
  if (det.credentials.licensure) credentials.licensure = det.credentials.licensure.value;
  if (det.credentials.specialty) credentials.specialty = det.credentials.specialty.value;
  if (ranges) {
    if (det.credentials.licensure) ranges.set('/credentials/licensure', det.credentials.licensure.range);
    if (det.credentials.specialty) ranges.set('/credentials/specialty', det.credentials.specialty.range);
  }

  const items: Json[] = det.items.map((it, i) => itemJson(it, child(w, '/items', i), w));
  if (ranges) {
    const issues = det.sections.find((s) => s.id === 'issues');
    ranges.set('/items', issues?.headingRange ?? det.header.range);
  }

  return {
    header,
    headerLayout: det.header.layout,
    sections,
    sectionList,
    credentials,
    items,
    unparsed: det.unparsed.map((u, i) => at(w, child(w, '/unparsed', i), u.range, { text: u.text })),
  };
}

function itemJson(it: Item, ptr: string, w: Walk): JsonObject {
  const o: JsonObject = { text: it.text };
  if (it.prefix) o.prefix = it.prefix;
  o.remainingPortion = it.remainingPortion;
  if (it.decision !== undefined) {
    o.decision = it.decision;
    at(w, child(w, ptr, 'decision'), it.decisionRange, {});
  }
  if (it.claimsAdministratorGuideline) o.claimsAdministratorGuideline = guidelineJson(it.claimsAdministratorGuideline, child(w, ptr, 'claimsAdministratorGuideline'), w);
  if (it.maximusGuideline) o.maximusGuideline = guidelineJson(it.maximusGuideline, child(w, ptr, 'maximusGuideline'), w);
  if (it.rationale) o.rationale = rationaleJson(it.rationale, child(w, ptr, 'rationale'), w);
  return at(w, ptr, it.headerRange, o);
}

function guidelineJson(g: GuidelineLine, ptr: string, w: Walk): JsonObject {
  const citations = child(w, ptr, 'citations');
  const nonMtus = child(w, ptr, 'nonMtus');
  return at(w, ptr, g.range, {
    label: g.label,
    text: g.text,
    kind: g.kind,
    citations: g.citations.map((c, i) => citationJson(c, child(w, citations, i), w)),
    nonMtus: g.nonMtus.map((n, i) => at(w, child(w, nonMtus, i), n.range, { text: n.text })),
  });
}

function citationJson(c: Citation, ptr: string, w: Walk): JsonObject {
  const o: JsonObject = { guideline: c.guideline };
  if (c.year !== undefined) o.year = c.year;
  if (c.guidelineId) o.guidelineId = c.guidelineId;
  const sections = child(w, ptr, 'sections');
  o.sections = c.sections.map((s, i) => {
    const so: JsonObject = { name: s.name };
    if (s.number) so.number = s.number;
    if (s.part) so.part = s.part;
    if (s.title) so.title = s.title;
    return at(w, child(w, sections, i), s.range, so);
  });
  if (c.topic) o.topic = at(w, child(w, ptr, 'topic'), c.topic.range, { name: c.topic.name });
  const pages = child(w, ptr, 'pages');
  o.pages = c.pages.map((p, i) => at(w, child(w, pages, i), p.range, { from: p.from, to: p.to, text: p.text }));
  return at(w, ptr, c.range, o);
}

function rationaleJson(r: Rationale, ptr: string, w: Walk): JsonObject {
  const o: JsonObject = { text: r.text };
  if (r.conclusion) o.conclusion = r.conclusion;
  const pageRefs = child(w, ptr, 'pageRefs');
  o.pageRefs = r.pageRefs.map((p, i) => {
    const po: JsonObject = { from: p.from, to: p.to, text: p.text };
    if (p.chapter !== undefined) po.chapter = p.chapter;
    if (p.table) po.table = p.table;
    if (p.guideline) po.guideline = p.guideline;
    if (p.year !== undefined) po.year = p.year;
    if (p.topic) po.topic = p.topic;
    return at(w, child(w, pageRefs, i), p.range, po);
  });
  return at(w, ptr, r.range, o);
}

function rangeJson(r: Range): JsonObject {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
