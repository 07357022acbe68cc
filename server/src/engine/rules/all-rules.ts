import { RULES } from './index';
import { Rule } from './rule';
import { unusedSuppression } from './unused-suppression';

/** Every rule id the tool knows, including the linter-driven unused-suppression. */
export const ALL_RULES: readonly Rule[] = [...RULES, unusedSuppression];
