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
