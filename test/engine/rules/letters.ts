/**
 * The letters the rule tests start from: three clean letters written for the project, and the same
 * letters with CRLF line endings and a BOM. Every rule must stay silent on all of them.
 */
import { fixture } from '../../helpers/engine';
import { ValidCase } from '../../helpers/rule-tester';

export const L2016 = fixture('letters/clean-2016.imr');
export const L2009 = fixture('letters/clean-2009-pages.imr');
export const BASE = fixture('base-letter.imr.txt');

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function withBom(text: string): string {
  return `\uFEFF${text}`;
}

/** The clean letters, as valid cases for any rule. */
export function cleanLetters(): ValidCase[] {
  return [
    { name: 'clean 2016 letter', text: L2016 },
    { name: 'clean 2009 letter with page citations', text: L2009 },
    { name: 'clean one-item letter', text: BASE },
    { name: 'clean 2016 letter with CRLF line endings', text: crlf(L2016) },
    { name: 'clean 2009 letter with a BOM', text: withBom(L2009) },
  ];
}
