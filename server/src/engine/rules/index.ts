import { citationGuidelineUnknown } from './citation-guideline-unknown';
import { citationPageMismatch } from './citation-page-mismatch';
import { citationSectionNumberMismatch } from './citation-section-number-mismatch';
import { citationUnknownTopic } from './citation-unknown-topic';
import { credentialsMissing } from './credentials-missing';
import { dateOrder } from './date-order';
import { fieldLabel } from './field-label';
import { decisionRationaleConflict } from './decision-rationale-conflict';
import { headerField } from './header-field';
import { headingFormat } from './heading-format';
import { itemDecision } from './item-decision';
import { itemDuplicate } from './item-duplicate';
import { itemFieldMissing } from './item-field-missing';
import { placeholder } from './placeholder';
import { rationalePageMismatch } from './rationale-page-mismatch';
import { repeatedText } from './repeated-text';
import { Rule } from './rule';
import { sectionDuplicate } from './section-duplicate';
import { sectionMissing } from './section-missing';
import { sectionOrder } from './section-order';
import { unusedSuppression } from './unused-suppression';
import { summaryDateMismatch } from './summary-date-mismatch';

/**
 * The one registry: every rule, in the order the linter runs them. Docs tables, package.json settings and
 * the config schema are generated from it (`npm run generate`). Rules of category `directive` come last.
 */
export const RULES: readonly Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionDuplicate,
  headingFormat,
  headerField,
  credentialsMissing,
  fieldLabel,
  dateOrder,
  summaryDateMismatch,
  itemDecision,
  itemDuplicate,
  itemFieldMissing,
  decisionRationaleConflict,
  citationGuidelineUnknown,
  citationUnknownTopic,
  citationPageMismatch,
  citationSectionNumberMismatch,
  rationalePageMismatch,
  placeholder,
  repeatedText,
  unusedSuppression,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
