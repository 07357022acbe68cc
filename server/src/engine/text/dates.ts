/** Header dates: MM/DD/YYYY. */
const DATE_FORMAT = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** A header date, MM/DD/YYYY, as a UTC timestamp; undefined when it is not that form or not a real date. */
export function parseUsDate(s: string): number | undefined {
  const m = DATE_FORMAT.exec(s);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || year < 1900) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return Date.UTC(year, month - 1, day);
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
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return Date.UTC(year, month - 1, day);
}
