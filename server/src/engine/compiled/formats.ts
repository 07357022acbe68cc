import { isValidUsDate } from '../text/dates';

/**
 * The string formats the JSON schemas use beyond ajv's own, in ajv's format-definition shape. Added to
 * ajv at run time, and required by the standalone validators generated at build time.
 */
export const SCHEMA_FORMATS: Record<string, { validate: (s: string) => boolean }> = {
  'us-date': { validate: isValidUsDate },
};
