import { toEslintResults } from './eslint-results';
import { Formatter } from './types';

/** ESLint's JSON formatter shape; lines and columns are 1-based, `fix` uses offsets into the file's text (without a BOM). */
export const json: Formatter = (results) => JSON.stringify(toEslintResults(results));
