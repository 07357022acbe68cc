import type { ErrorObject } from 'ajv';
import { schemaPath, schemaValidator } from '../compiled/validators';
import { JsonObject, JsonWithPointers } from '../model/json';
import { Range } from '../model/range';

/** A schema violation, attributed to the rule named by the nearest `x-rule` of the failing schema. */
export interface SchemaIssue {
  ruleId: string;
  keyword: string;
  /** JSON pointer of the failing node (the parent object for `required`). */
  instancePath: string;
  /** For `required`: the missing property. */
  missingProperty?: string;
  params: Record<string, unknown>;
  /** ajv's own message, for rules that have nothing better to say. */
  message: string;
  range: Range;
}

export function determinationSchemaPath(): string {
  return schemaPath('determination');
}

/** Validates the model's JSON against schemas/determination.schema.json. */
export function validateDetermination(doc: JsonWithPointers): SchemaIssue[] {
  const validate = schemaValidator('determination');
  if (validate(doc.json)) return [];
  const issues: SchemaIssue[] = [];
  for (const err of validate.errors ?? []) {
    const ruleId = ruleOf(err);
    if (!ruleId) continue;
    const missing = err.keyword === 'required' ? String((err.params as { missingProperty?: string }).missingProperty) : undefined;
    issues.push({
      ruleId,
      keyword: err.keyword,
      instancePath: err.instancePath,
      missingProperty: missing,
      params: err.params as Record<string, unknown>,
      message: err.message ?? err.keyword,
      range: rangeFor(doc, err.instancePath),
    });
  }
  return issues;
}

/**
 * The rule a violation belongs to: for a missing property, the `x-rule` of that property's schema
 * when it has one (a missing decision is item-decision's), else the `x-rule` beside the keyword.
 */
function ruleOf(err: ErrorObject): string | undefined {
  const parent = err.parentSchema as JsonObject | undefined;
  if (err.keyword === 'required') {
    const missing = (err.params as { missingProperty?: string }).missingProperty;
    const props = parent?.properties as JsonObject | undefined;
    const own = missing && props ? (props[missing] as JsonObject | undefined)?.['x-rule'] : undefined;
    if (typeof own === 'string') return own;
  }
  const r = parent?.['x-rule'];
  return typeof r === 'string' ? r : undefined;
}

/** The range of the node at `pointer`, or of its nearest ancestor that has one. */
function rangeFor(doc: JsonWithPointers, pointer: string): Range {
  let p = pointer;
  for (;;) {
    const r = doc.ranges.get(p);
    if (r) return r;
    if (!p) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    p = p.slice(0, p.lastIndexOf('/'));
  }
}
