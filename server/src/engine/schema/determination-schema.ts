import type { ErrorObject, ValidateFunction } from 'ajv';
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

/**
 * Items validated per call: ajv (allErrors) gathers the errors of each item's validator with
 * `errors.concat(…)`, copying every error so far once per item — quadratic in the number of items.
 * A letter with more items is validated in slices of this many, so the copying stays bounded.
 */
const ITEMS_PER_CALL = 32;

/** Validates the model's JSON against schemas/determination.schema.json. */
export function validateDetermination(doc: JsonWithPointers): SchemaIssue[] {
  const validate = schemaValidator('determination');
  const items = doc.json.items;
  let errors: ErrorObject[];
  if (Array.isArray(items) && items.length > ITEMS_PER_CALL) errors = errorsBySlices(validate, doc.json, items);
  else if (validate(doc.json)) return [];
  else errors = validate.errors ?? [];
  const issues: SchemaIssue[] = [];
  for (const err of errors) {
    const ruleId = ruleOf(err);
    if (!ruleId) continue;
    // "required", and "dependencies" (one property needs another): the property that is not there
    const missing = err.keyword === 'required' || err.keyword === 'dependencies' ? String((err.params as { missingProperty?: string }).missingProperty) : undefined;
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

/** `/items` or `/items/<n>` at the start of an instance path. */
const ITEMS_PATH = /^\/items(?=\/|$)(?:\/(\d+))?/;

/**
 * The errors of validating `json` with its items in slices: the errors outside the items from the first
 * slice, each slice's item errors renumbered to the item's place in the letter, in the order one call
 * would give them (what comes before the items, the items in order, what comes after).
 */
function errorsBySlices(validate: ValidateFunction, json: JsonObject, items: unknown[]): ErrorObject[] {
  const before: ErrorObject[] = [];
  const inItems: ErrorObject[] = [];
  const after: ErrorObject[] = [];
  for (let k = 0; k < items.length; k += ITEMS_PER_CALL) {
    if (validate({ ...json, items: items.slice(k, k + ITEMS_PER_CALL) })) continue;
    let seenItems = false;
    for (const err of validate.errors ?? []) {
      const m = ITEMS_PATH.exec(err.instancePath);
      if (m) {
        seenItems = true;
        if (m[1] !== undefined) inItems.push({ ...err, instancePath: `/items/${k + Number(m[1])}${err.instancePath.slice(m[0].length)}` });
        else if (k === 0) inItems.push(err);
      } else if (k === 0) (seenItems ? after : before).push(err);
    }
  }
  return before.concat(inItems, after);
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
