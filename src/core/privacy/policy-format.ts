/** Dates, countries and lists in the reader's language, through `Intl`. */
export interface PolicyFormat {
  /** "2025-03-01" → "1 March 2025" / "1 mars 2025". */
  date(isoDate: string): string;
  /** "US" → "United States" / "USA"; the code itself where the browser has no name. */
  country(code: string): string;
  /** ["a", "b", "c"] → "a, b and c" / "a, b och c". */
  list(items: readonly string[]): string;
}

/** Formats for `language`. Never throws: an unknown language falls back to the runtime's default. */
export function createPolicyFormat(language: string): PolicyFormat {
  const dates = new Intl.DateTimeFormat(language, {dateStyle: 'long', timeZone: 'UTC'});
  let regions: Intl.DisplayNames | undefined;
  try {
    regions = new Intl.DisplayNames([language], {type: 'region', fallback: 'code'});
  } catch {
    regions = undefined;
  }
  const lists = new Intl.ListFormat(language, {type: 'conjunction'});
  return {
    // The date is a calendar date, not an instant: read and written in UTC so no time zone shifts it.
    date: (isoDate) => dates.format(new Date(`${isoDate}T00:00:00Z`)),
    country: (code) => regions?.of(code) ?? code,
    list: (items) => lists.format(items),
  };
}
