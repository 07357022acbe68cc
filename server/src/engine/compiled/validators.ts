/**
 * The schema validators: ajv standalone code generated at build time from schemas/*.schema.json
 * (scripts/compile-assets.ts → generated/<id>.validate.js), so that a run does not compile schemas.
 * The JSON schemas stay the one source of truth: each generated file records the fingerprint of the
 * schema text it was made from, and a schema that no longer matches (edited after the build, or no
 * generated file at all) is compiled with ajv here, with the same options.
 */
import * as fs from 'fs';
import type Ajv from 'ajv';
import type { CodeOptions, Options, ValidateFunction } from 'ajv';
import { findAsset } from '../assets';
import { SCHEMA_FORMATS } from './formats';
import { contentStamp } from './stamp';

export type SchemaId = 'determination' | 'imrlintrc' | 'mtus-index';

interface SchemaSpec {
  /** The schema file, relative to the tool's root. */
  file: string;
  options: Options;
  /** The schema names rules with `x-rule` (kept in errors' parentSchema by `verbose`). */
  xRule?: boolean;
}

export const SCHEMA_SPECS: Record<SchemaId, SchemaSpec> = {
  determination: { file: 'schemas/determination.schema.json', options: { allErrors: true, verbose: true, strict: false }, xRule: true },
  imrlintrc: { file: 'schemas/imrlintrc.schema.json', options: { allErrors: true, strict: false } },
  'mtus-index': { file: 'schemas/mtus-index.schema.json', options: { allErrors: true } },
};

/** Where the build writes the standalone validator of a schema (relative to the tool's root). */
export function generatedValidatorFile(id: SchemaId): string {
  return `generated/${id}.validate.js`;
}

/** Absolute path of a schema shipped with the tool. */
export function schemaPath(id: SchemaId): string {
  const file = findAsset(SCHEMA_SPECS[id].file);
  if (!file) throw new Error(`${SCHEMA_SPECS[id].file} not found next to the tool`);
  return file;
}

/**
 * An ajv instance set up for `schema` (the JSON of schema `id`: keywords, formats); `code` for
 * generating standalone code.
 */
export function createAjv(id: SchemaId, schema: unknown, code?: CodeOptions): Ajv {
  // ajv is loaded only when a schema has to be compiled (never on a run with current generated files)
  const { default: AjvClass } = require('ajv') as typeof import('ajv');
  const spec = SCHEMA_SPECS[id];
  const ajv = new AjvClass(code ? { ...spec.options, code } : spec.options);
  // ajv counts a string's code points for minLength/maxLength (ucs2length: a walk of every string it
  // checks, most of validating a letter: its rationales). Where the count cannot differ from .length, it
  // compares .length. The option is deprecated (a warning when passed to the constructor) but still read
  // when the keywords are compiled; set on the instance.
  if (lengthsReadAsCodeUnits(schema)) ajv.opts.unicode = false;
  if (spec.xRule) ajv.addKeyword({ keyword: 'x-rule', schemaType: 'string' });
  for (const [name, format] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/**
 * Whether every string length `schema` bounds reads the same in UTF-16 code units as in code points: no
 * maxLength, and no minLength above 1 (a string has a code point exactly when it has a code unit). Any
 * key of that name counts, even a property's (a safe answer, not a precise one).
 */
export function lengthsReadAsCodeUnits(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(lengthsReadAsCodeUnits);
  if (typeof schema !== 'object' || schema === null) return true;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'maxLength') return false;
    if (key === 'minLength' && !(typeof value === 'number' && value <= 1)) return false;
    if (!lengthsReadAsCodeUnits(value)) return false;
  }
  return true;
}

const cache = new Map<SchemaId, { file: string; validate: ValidateFunction }>();

/** The validator of a schema: the generated one when it was made from this schema text, else compiled now. */
export function schemaValidator(id: SchemaId): ValidateFunction {
  const file = schemaPath(id);
  const hit = cache.get(id);
  if (hit && hit.file === file) return hit.validate;
  const text = fs.readFileSync(file, 'utf8');
  const validate = generatedValidator(id, contentStamp(text)) ?? compileNow(id, JSON.parse(text) as unknown);
  cache.set(id, { file, validate });
  return validate;
}

function compileNow(id: SchemaId, schema: unknown): ValidateFunction {
  return createAjv(id, schema).compile(schema as object);
}

function generatedValidator(id: SchemaId, stamp: string): ValidateFunction | undefined {
  const file = findAsset(generatedValidatorFile(id));
  if (!file) return undefined;
  try {
    // a runtime path, on purpose: the generated file sits next to the tool, outside any bundle
    const mod = require(file) as { sourceStamp?: string; default?: ValidateFunction };
    return mod.sourceStamp === stamp && typeof mod.default === 'function' ? mod.default : undefined;
  } catch {
    return undefined;
  }
}
