/**
 * A header date, MM/DD/YYYY (`/^(\d{2})\/(\d{2})\/(\d{4})$/`), as a UTC timestamp; undefined when it is
 * not that form or not a real date. Read by character codes: the schema's format check, the header
 * and the date rules read every letter's dates, without a match array or a Date object each time.
 */
export function parseUsDate(s: string): number | undefined {
  if (s.length !== 10 || s.charCodeAt(2) !== 47 || s.charCodeAt(5) !== 47) return undefined;
  const month = digits(s, 0, 2);
  const day = digits(s, 3, 5);
  const year = digits(s, 6, 10);
  if (month < 0 || day < 0 || year < 0) return undefined;
  if (month < 1 || month > 12 || day < 1 || year < 1900) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day);
}

/** The number the ASCII digits s[from, to) write; -1 when one of them is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1-12) of `year`, by the Gregorian calendar (what `new Date(Date.UTC(year, month, 0)).getUTCDate()` gives). */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** MM/DD/YYYY and a real calendar date (the schema's `us-date` format). */
export function isValidUsDate(s: string): boolean {
  return parseUsDate(s) !== undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as prose writes it — 10-18-2016, 10/18/2016, 10-18-16, 1/3/17, October 18, 2016, Oct. 18 2016 —
 * as a UTC timestamp; undefined when it is none of these or not a real date. Two-digit years are 20yy
 * (19yy when that would be in the future of 2050).
 */
export function parseProseDate(s: string): number | undefined {
  let month: number;
  let day: number;
  let year: number;
  const num = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(s.trim());
  if (num) {
    month = Number(num[1]);
    day = Number(num[2]);
    year = Number(num[3]);
  } else {
    const named = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s.trim());
    if (!named) return undefined;
    month = MONTHS.indexOf(named[1]!.slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return undefined;
    day = Number(named[2]);
    year = Number(named[3]);
  }
  if (year < 100) year += year > 50 ? 1900 : 2000;
  if (month < 1 || month > 12 || day < 1 || year < 1900) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day);
}

/** M/D/YYYY with "/", "-" or "." between: a date written in another form than the header's. */
const LOOSE_US_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;

/**
 * A real calendar date written M/D/YYYY, MM-DD-YYYY or MM.DD.YYYY, as the header writes it (MM/DD/YYYY);
 * undefined for anything else (a two-digit year, an impossible date, a date already in that form).
 */
export function canonicalUsDate(s: string): string | undefined {
  const m = LOOSE_US_DATE.exec(s.trim());
  if (!m) return undefined;
  const canonical = `${m[1]!.padStart(2, '0')}/${m[3]!.padStart(2, '0')}/${m[4]}`;
  return canonical !== s && isValidUsDate(canonical) ? canonical : undefined;
}
