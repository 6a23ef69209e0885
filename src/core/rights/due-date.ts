/** Options of `dueDate`. */
export interface DueDateOptions {
  /**
   * Calendar months after submission. Default `1`, the answer time of GDPR art. 12(3); `3` gives
   * the latest date when the shop extends it by two months with notice.
   */
  readonly months?: number;
  /**
   * IANA time zone whose calendar date counts, such as `"Europe/Stockholm"` for the shop's.
   * Default: the browser's own (the visitor's local date).
   */
  readonly timeZone?: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Year, month (1–12) and day of `moment` in `timeZone`, or in the local zone. */
function calendarDate(moment: Date, timeZone: string | undefined): [number, number, number] {
  if (!timeZone) return [moment.getFullYear(), moment.getMonth() + 1, moment.getDate()];
  const parts = new Intl.DateTimeFormat('en-US', {timeZone, year: 'numeric', month: 'numeric', day: 'numeric'}).formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return [part('year'), part('month'), part('day')];
}

/**
 * The date by which the shop must answer a rights request submitted at `submitted`, as
 * `YYYY-MM-DD`: the same day of the month one calendar month later. When that month is shorter,
 * its last day (EU Regulation 1182/71 art. 3(2)(c), which the EDPB applies to art. 12(3)):
 * 31 January → 28 February, or 29 February in a leap year. Throws `RangeError` for an invalid
 * date or time zone.
 */
export function dueDate(submitted: Date, {months = 1, timeZone}: DueDateOptions = {}): string {
  if (Number.isNaN(submitted.getTime())) throw new RangeError('dueDate: the submission date is not a valid date');
  const [year, month, day] = calendarDate(submitted, timeZone);
  const index = year * 12 + (month - 1) + months;
  const dueYear = Math.floor(index / 12);
  const dueMonth = (index % 12) + 1;
  // Day 0 of the next month is the last day of this one; Date.UTC avoids any zone's DST gaps.
  const lastDay = new Date(Date.UTC(dueYear, dueMonth, 0)).getUTCDate();
  return `${pad(dueYear, 4)}-${pad(dueMonth)}-${pad(Math.min(day, lastDay))}`;
}

/**
 * The calendar date of `moment` as `YYYY-MM-DD` in the local zone (or `timeZone`): for file
 * names such as `samtycke-data-2026-11-22.json` and for the request's day of submission.
 */
export function localDate(moment: Date, timeZone?: string): string {
  const [year, month, day] = calendarDate(moment, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A `YYYY-MM-DD` date in words in `language` ("22 december 2026", "December 22, 2026"); the
 * text itself when it is not such a date.
 */
export function formatCalendarDate(date: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const moment = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(language, {dateStyle: 'long', timeZone: 'UTC'}).format(moment);
}
