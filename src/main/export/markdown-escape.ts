/**
 * Turns user text (titles, quotes, citation notes, outlet names) into Markdown that renders as that same
 * text and can never open a construct of its own, in CommonMark/GFM (markdown-it) and in Pandoc's
 * Markdown with its default extensions (citations, math, spans, divs, definition and fancy lists).
 */

// Characters that open a construct anywhere on a line in one dialect or the other: emphasis,
// code, links and footnotes, raw HTML and entities, tables, strikeout/sub/superscript, math,
// citations, attributes and raw TeX. Then what Pandoc's `smart` extension (on by default) would
// turn into other characters: straight quotes and apostrophes into curly ones (which also pair with
// the exporter's own “…” and swallow spaces), `--`/`---` into dashes, `...` into an ellipsis. The
// second dash or dot of a run is enough: `-\-` and `.\.\.` stay as typed.
const ANYWHERE = /[\\`*_[\]<>#|~^$@&{}"']|(?<=-)-|(?<=\.)\./g

// Curly quotes Pandoc pairs too, writing them back as the same characters, with two exceptions.
// An opening single quote it cannot pair becomes an apostrophe. A closing double quote after a
// space ends the quotation it closes there and drops the space (`“a ” b”` reads `“a” b”`). A
// backslash would show in CommonMark; character references keep both in every reader.
const SMART_QUOTES = /‘|[ \t](?=”)/g

// Characters that only matter as the first one on a line: list bullets, setext underlines and
// thematic breaks, Pandoc definition lists, fenced divs, grid tables and `(1)` / `(@)` lists.
const LINE_START = /^[-+=:(%]/

// Ordered-list markers, including Pandoc's fancy lists (`a.`, `B)`, `iv.`), at the start of a line.
const LIST_MARKER = /^([0-9]{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+)([.)])(?=[ \t]|$)/

// C0 and DEL controls other than tab and newlines render as nothing useful and NUL is rewritten
// differently by each parser; they are dropped.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** User text without the control characters no reader renders the same way. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '')
}

/** Text escaped for any position inside a line; a line start needs `escapeLineStart` as well. */
export function escapeChars(text: string): string {
  return text.replace(ANYWHERE, (c) => `\\${c}`).replace(SMART_QUOTES, (c) => `&#${c.codePointAt(0)};`)
}

/** Escapes what would open a block at the start of an already escaped line. */
export function escapeLineStart(escaped: string): string {
  if (LINE_START.test(escaped)) return `\\${escaped}`
  return escaped.replace(LIST_MARKER, (_m, marker: string, delim: string) => `${marker}\\${delim}`)
}

function escapeLine(line: string): string {
  return escapeLineStart(escapeChars(line.trim()))
}

/**
 * User text as inline Markdown on one line: line breaks become spaces, every marker is escaped.
 * The start is escaped as a line start too, because footnote and list-item content is block
 * context: `[^1]: 2) text` would otherwise open a list inside the footnote.
 */
export function mdInline(text: string): string {
  // Only the ASCII spaces around a break go: a no-break or thin space next to one is text.
  return escapeLine(text.replace(CONTROLS, '').replace(/[ \t]*[\r\n\t]+[ \t]*/g, ' '))
}

/**
 * User text as block Markdown: paragraphs (split at blank lines) whose lines are escaped and
 * stripped of the indentation that would make code blocks or hard breaks. Returns one string per
 * paragraph with lines joined by `\n` + `indent`, so the caller can place them inside a list item.
 */
export function mdParagraphs(text: string, indent = ''): string[] {
  const normalized = text.replace(CONTROLS, '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')
  return normalized
    .split(/\n[ \u00A0]*\n/)
    .map((para) =>
      para
        .split('\n')
        .map(escapeLine)
        .filter((line) => line !== '')
    )
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join(`\n${indent}`))
}
