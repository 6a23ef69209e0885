/**
 * A renderer-neutral model of the privacy policy and the cookie declaration: the Lit elements
 * render it in the page, `src/render.ts` renders it to static HTML. Every string is plain text
 * (the renderers escape it); links carry an `href` that the config schema has checked.
 */

/** A piece of running text. */
export type Inline =
  | string
  | {readonly type: 'link'; readonly text: string; readonly href: string; readonly external?: boolean}
  | {readonly type: 'code'; readonly text: string};

/** Heading levels a document may use; the renderers clamp to 6. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A cell of a table: text, or inline parts. */
export type Cell = readonly Inline[];

/** One term of a `facts` block and its description: text, and optionally a list under it. */
export interface Fact {
  readonly term: string;
  readonly content: readonly Inline[];
  readonly list?: readonly (readonly Inline[])[];
}

/** A block of a document. */
export type Block =
  /** A part with its own heading; `id` is the anchor the contents link to. */
  | {readonly type: 'section'; readonly id: string; readonly level: HeadingLevel; readonly heading: string; readonly blocks: readonly Block[]}
  | {readonly type: 'paragraph'; readonly content: readonly Inline[]}
  | {readonly type: 'list'; readonly items: readonly (readonly Inline[])[]}
  /** Term–description pairs (`<dl>`): the facts of one activity or service. */
  | {readonly type: 'facts'; readonly items: readonly Fact[]}
  /** A data table; with `rowHeaders` the first cell of each row is its header. */
  | {readonly type: 'table'; readonly caption: string; readonly head: readonly string[]; readonly rows: readonly (readonly Cell[])[]; readonly rowHeaders?: boolean}
  /** Links to the document's sections. */
  | {readonly type: 'contents'; readonly label: string; readonly items: readonly {readonly id: string; readonly text: string}[]}
  /** The cookie declaration, embedded in the policy: live in the page, its blocks in a static export. */
  | {readonly type: 'cookie-declaration'; readonly level: HeadingLevel}
  /** The visitor's current choice for a category (or one of its services): only live pages show it. */
  | {readonly type: 'choice'; readonly category: string; readonly service?: string}
  /** The control that opens the cookie settings; a static export gives `fallback` instead. */
  | {readonly type: 'change-settings'; readonly label: string; readonly fallback: string};

/** A `section` block. */
export type SectionBlock = Extract<Block, {readonly type: 'section'}>;

/** The clamped heading level for nesting one deeper than `level`. */
export const deeper = (level: HeadingLevel): HeadingLevel => Math.min(level + 1, 6) as HeadingLevel;

/** The text of inline content, for tests and for accessible names. */
export const inlineText = (content: readonly Inline[]): string =>
  content.map((part) => (typeof part === 'string' ? part : part.text)).join('');
