// Text written by people, made safe for the Markdown summary: every field is data, never markup.

// Characters removed from user text before it reaches the Markdown: the C0 and C1 control
// characters other than the line breaks and spaces handled below, and the bidi embeddings,
// overrides and isolates, which would make the text display in another order than it reads.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u202a-\u202e\u2066-\u2069]/g;
// Line breaks in a note's text: CR LF, CR, LF, vertical tab, form feed, NEL, LS and PS.
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
// Whitespace runs (tabs, line breaks, non-breaking and other Unicode spaces).
const WHITESPACE = /[\s\u0085]+/g;

/**
 * `text` without control characters and bidi embeddings, overrides and isolates; its line
 * breaks, tabs and other whitespace stay as they are (the CSV keeps them).
 */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** One line of text: control characters and bidi overrides removed, whitespace runs folded. */
function oneLine(text: string): string {
  return withoutInvisible(text).replace(WHITESPACE, ' ').trim();
}

/**
 * Escapes one line of cleaned text so Markdown renders the characters typed and nothing else.
 * Anywhere in the line: the characters of emphasis, code, links and images, raw HTML, autolinks,
 * entities, tables, strikethrough, math and attributes (\ ` * _ { } [ ] < > | ~ # & $), plus the
 * `://` and `www.` a bare-URL autolink needs. At the start of the line, where they begin a block
 * (list item, setext underline, table delimiter row, ordered list), also - + = : and the dot or
 * parenthesis after a number. The rest (# > ` ~ < | * _) is escaped everywhere already. Since
 * every `|` is escaped, the text also stays inside one cell of a table.
 */
function escapeLine(line: string): string {
  return line
    .replace(/[\\`*_{}[\]<>|~#&$]/g, '\\$&')
    .replace(/:\/\//g, '\\://')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^[-+=:]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Makes user text safe for one line of Markdown (a heading, an author, a prompt, a table cell):
 * removes control characters and bidi overrides, folds every whitespace run including line
 * breaks into one space, and escapes whatever could make a heading, list item, quote, link,
 * image, HTML, table cell boundary or other markup, so the text renders as the literal
 * characters typed.
 */
export function escapeMarkdown(text: string): string {
  return escapeLine(oneLine(text));
}

/** The non-blank lines of a multi-line text, each cleaned and escaped on its own. */
export function escapedLines(text: string): string[] {
  return text
    .split(LINE_BREAK)
    .map(oneLine)
    .filter((line) => line !== '')
    .map(escapeLine);
}

/**
 * The non-blank lines of a text written by people, as plain text for formats other than
 * Markdown (a PDF): control characters and bidi overrides removed, whitespace runs folded.
 */
export function plainLines(text: string): string[] {
  return text
    .split(LINE_BREAK)
    .map(oneLine)
    .filter((line) => line !== '');
}
