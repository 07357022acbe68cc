import { Citation, Determination, GuidelineLine, Item, Rationale } from './determination';
import { Range } from './range';

/** A JSON value, as `imr parse --json` prints it and the schema validates it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface JsonWithPointers {
  json: JsonObject;
  /** JSON pointer (ajv instancePath) → source range of the node it came from. */
  ranges: Map<string, Range>;
}

/**
 * Converts the model to plain JSON. `withRanges` adds a `range` to every node (zero-based lines and
 * characters). The pointer map is always filled so schema errors can be placed precisely.
 */
export function toJson(det: Determination, withRanges = false): JsonWithPointers {
  const ranges = new Map<string, Range>();
  const at = (ptr: string, r: Range | undefined, obj: JsonObject): JsonObject => {
    if (r) {
      ranges.set(ptr, r);
      if (withRanges) obj.range = rangeJson(r);
    }
    return obj;
  };
  ranges.set('', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

  const header: JsonObject = {};
  for (const [key, f] of Object.entries(det.header.fields)) {
    if (!f) continue;
    header[key] = f.value;
    ranges.set(`/header/${key}`, f.value ? f.valueRange : f.labelRange);
  }
  if (withRanges) header.range = rangeJson(det.header.range);
  ranges.set('/header', det.header.range);

  const sections: JsonObject = {};
  const sectionList: Json[] = [];
  det.sections.forEach((s, i) => {
    const o: JsonObject = { heading: s.heading };
    if (withRanges) o.range = rangeJson(s.headingRange);
    if (!(s.id in sections)) {
      sections[s.id] = o;
      ranges.set(`/sections/${s.id}`, s.headingRange);
    }
    sectionList.push(at(`/sectionList/${i}`, s.headingRange, { id: s.id, heading: s.heading, canonical: s.canonical, exact: s.exact }));
  });
  ranges.set('/sections', det.sections[0]?.headingRange ?? det.header.range);

  const credentials: JsonObject = {};
  if (det.credentials.licensure) credentials.licensure = det.credentials.licensure.value;
  if (det.credentials.specialty) credentials.specialty = det.credentials.specialty.value;

  const items: Json[] = det.items.map((it, i) => itemJson(it, `/items/${i}`, at));
  const issues = det.sections.find((s) => s.id === 'issues');
  ranges.set('/items', issues?.headingRange ?? det.header.range);

  const json: JsonObject = {
    header,
    headerLayout: det.header.layout,
    sections,
    sectionList,
    credentials,
    items,
    unparsed: det.unparsed.map((u, i) => at(`/unparsed/${i}`, u.range, { text: u.text })),
  };
  return { json, ranges };
}

type At = (ptr: string, r: Range | undefined, obj: JsonObject) => JsonObject;

function itemJson(it: Item, ptr: string, at: At): JsonObject {
  const o: JsonObject = { text: it.text };
  if (it.prefix) o.prefix = it.prefix;
  o.remainingPortion = it.remainingPortion;
  if (it.decision !== undefined) {
    o.decision = it.decision;
    at(`${ptr}/decision`, it.decisionRange, {});
  }
  if (it.claimsAdministratorGuideline) o.claimsAdministratorGuideline = guidelineJson(it.claimsAdministratorGuideline, `${ptr}/claimsAdministratorGuideline`, at);
  if (it.maximusGuideline) o.maximusGuideline = guidelineJson(it.maximusGuideline, `${ptr}/maximusGuideline`, at);
  if (it.rationale) o.rationale = rationaleJson(it.rationale, `${ptr}/rationale`, at);
  return at(ptr, it.headerRange, o);
}

function guidelineJson(g: GuidelineLine, ptr: string, at: At): JsonObject {
  return at(ptr, g.range, {
    label: g.label,
    text: g.text,
    kind: g.kind,
    citations: g.citations.map((c, i) => citationJson(c, `${ptr}/citations/${i}`, at)),
    nonMtus: g.nonMtus.map((n, i) => at(`${ptr}/nonMtus/${i}`, n.range, { text: n.text })),
  });
}

function citationJson(c: Citation, ptr: string, at: At): JsonObject {
  const o: JsonObject = { guideline: c.guideline };
  if (c.year !== undefined) o.year = c.year;
  if (c.guidelineId) o.guidelineId = c.guidelineId;
  o.sections = c.sections.map((s, i) => {
    const so: JsonObject = { name: s.name };
    if (s.number) so.number = s.number;
    if (s.part) so.part = s.part;
    if (s.title) so.title = s.title;
    return at(`${ptr}/sections/${i}`, s.range, so);
  });
  if (c.topic) o.topic = at(`${ptr}/topic`, c.topic.range, { name: c.topic.name });
  o.pages = c.pages.map((p, i) => at(`${ptr}/pages/${i}`, p.range, { from: p.from, to: p.to, text: p.text }));
  return at(ptr, c.range, o);
}

function rationaleJson(r: Rationale, ptr: string, at: At): JsonObject {
  const o: JsonObject = { text: r.text };
  if (r.conclusion) o.conclusion = r.conclusion;
  o.pageRefs = r.pageRefs.map((p, i) => {
    const po: JsonObject = { from: p.from, to: p.to, text: p.text };
    if (p.chapter !== undefined) po.chapter = p.chapter;
    if (p.table) po.table = p.table;
    if (p.guideline) po.guideline = p.guideline;
    if (p.year !== undefined) po.year = p.year;
    if (p.topic) po.topic = p.topic;
    return at(`${ptr}/pageRefs/${i}`, p.range, po);
  });
  return at(ptr, r.range, o);
}

function rangeJson(r: Range): JsonObject {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
