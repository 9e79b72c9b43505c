/**
 * Front matter of Markdown files: the YAML subset people actually write (`key: value`, quoted
 * strings, `- item` lists, comments) and TOML's `key = "value"`. Nested structures are skipped.
 */

/** The fields of a front matter block and the document after it. */
export interface FrontMatter {
  /** Lower-cased keys; a list keeps its first item. */
  fields: Map<string, string>
  /** The document after the front matter. */
  body: string
}

function unquote(raw: string): string {
  const v = raw.trim().replace(/^((["']).*\2)\s+#.*$/, '$1')
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) {
    const inner = v.slice(1, -1)
    return v.startsWith('"') ? inner.replace(/\\(["\\])/g, '$1').replace(/\\n/g, ' ') : inner.replace(/''/g, "'")
  }
  return v.replace(/\s+#.*$/, '')
}

/** Splits off and reads the front matter; a document without one comes back whole. */
export function readFrontMatter(text: string): FrontMatter {
  const m = /^(---|\+\+\+)[ \t]*\n([^]*?)\n(?:---|\.\.\.|\+\+\+)[ \t]*(?:\n|$)/.exec(text)
  if (!m) return { fields: new Map(), body: text }
  const toml = m[1] === '+++'
  const fields = new Map<string, string>()
  let listKey: string | null = null
  for (const line of m[2]!.split('\n')) {
    if (/^\s*(#|$)/.test(line)) continue
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line)
    if (item && listKey !== null) {
      if (!fields.has(listKey)) fields.set(listKey, unquote(item[1]!))
      continue
    }
    const kv = toml ? /^([\w.-]+)\s*=\s*(.*)$/.exec(line) : /^([\w.-]+)\s*:\s*(.*)$/.exec(line)
    if (!kv) continue
    const key = kv[1]!.toLowerCase()
    const value = kv[2]!.trim()
    listKey = value === '' ? key : null
    if (value === '' || value === '|' || value === '>') continue
    const inline = /^\[(.*)\]$/.exec(value)
    const first = inline ? (inline[1]!.split(',')[0] ?? '') : value
    if (unquote(first) !== '') fields.set(key, unquote(first))
  }
  return { fields, body: text.slice(m[0].length) }
}
