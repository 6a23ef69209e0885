import type {Problem} from '../types.js';

/** The configuration text and where it came from, for error messages. */
export interface ConfigSource {
  /** `data-config` URL, or `#samtycke-config` for the inline form. */
  readonly name: string;
  readonly json: unknown;
}

/** A configuration that could not be read at all (unreachable, not JSON, not given). */
export class ConfigLoadError extends Error {
  override name = 'ConfigLoadError';
  constructor(readonly source: string, readonly problem: Problem) {
    super(`${source}: ${problem.message}`);
  }
}

/** The id of the inline configuration: `<script type="application/json" id="samtycke-config">`. */
export const INLINE_CONFIG_ID = 'samtycke-config';

/**
 * Reads the configuration: inline from `#samtycke-config` when present (no request), otherwise
 * from `url`. An inline configuration is best placed before the script tag: it is then read at
 * once; after it, only once the page is parsed. Rejects with a `ConfigLoadError` naming the
 * source and the fix.
 */
export async function loadConfig(
  {url, document, fetch = globalThis.fetch}: {url: string | null; document: Document; fetch?: typeof globalThis.fetch},
): Promise<ConfigSource> {
  // An inline config placed after the script tag is not parsed yet: wait for the parser.
  if (!url && !document.getElementById(INLINE_CONFIG_ID) && document.readyState === 'loading') {
    await new Promise((parsed) => document.addEventListener('DOMContentLoaded', parsed, {once: true}));
  }
  const inline = document.getElementById(INLINE_CONFIG_ID);
  const name = inline ? `#${INLINE_CONFIG_ID}` : url ?? '';
  const fail = (message: string, fix: string): never => {
    throw new ConfigLoadError(name || 'samtycke.js', {path: '$', message, fix});
  };
  let text: string;
  if (inline) {
    text = inline.textContent ?? '';
  } else if (url) {
    let response: Response;
    try {
      response = await fetch(url, {credentials: 'same-origin'});
    } catch {
      return fail('the file could not be fetched (network error or blocked by CSP)', 'check the data-config URL, that the file is served, and that connect-src allows it');
    }
    if (!response.ok) fail(`the server answered ${response.status}`, 'check the data-config URL and that the file is uploaded');
    text = await response.text();
  } else {
    return fail('no configuration given', `add data-config="/samtycke.config.json" to the samtycke.js script tag, or an inline <script type="application/json" id="${INLINE_CONFIG_ID}">`);
  }
  try {
    return {name, json: JSON.parse(text)};
  } catch (error) {
    return fail(`is not valid JSON: ${(error as Error).message}`, 'fix the syntax (a JSON validator or your editor shows where); comments and trailing commas are not allowed');
  }
}
