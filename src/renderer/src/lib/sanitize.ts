/**
 * Untrusted article HTML, made safe to look at: DOMPurify with a strict allow-list (text
 * structure only: no scripts, no URLs of any kind, no styles, no images, no forms, no frames),
 * wrapped in a document whose own CSP forbids every load. The result goes only into an
 * `<iframe sandbox="">` (no scripts, opaque origin), never into the app's own DOM.
 */
import DOMPurify from 'dompurify'

const ALLOWED_TAGS = [
  'article', 'section', 'header', 'footer', 'main', 'aside', 'div', 'span', 'p', 'br', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'q', 'cite',
  'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'time',
  'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a'
]
// No href, src, style, class or id: nothing that can load, link out or match the app's CSS.
const ALLOWED_ATTR = ['title', 'datetime', 'colspan', 'rowspan', 'lang', 'dir']

/** The frame's own policy: nothing may load, nothing may run; only inline styles (ours) apply. */
export const FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; form-action 'none'; base-uri 'none'"

const FRAME_STYLE = `
  :root { color-scheme: light dark; font: 16px/1.6 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif; }
  body { margin: 1rem 1.25rem; max-width: 46rem; overflow-wrap: anywhere; }
  a { color: inherit; text-decoration: underline dotted; }
  table { border-collapse: collapse; } td, th { border: 1px solid #8884; padding: 0.2rem 0.4rem; }
  blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid #8886; }
`

export interface SafeHtml {
  /** A complete document for `<iframe srcdoc>`. */
  document: string
  /** The page's http(s) links, for the user to open deliberately. */
  links: { text: string; url: string }[]
}

/** Sanitizes untrusted HTML into a self-contained, load-nothing document plus its outbound links. */
export function sanitizeArticleHtml(html: string): SafeHtml {
  // DOMParser documents are inert: nothing in them loads or runs.
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  const links: SafeHtml['links'] = []
  const seen = new Set<string>()
  for (const a of Array.from(parsed.querySelectorAll('a[href]'))) {
    let url: URL
    try {
      url = new URL(a.getAttribute('href') ?? '', 'http://invalid.invalid/')
    } catch {
      continue
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === 'invalid.invalid' || seen.has(url.href)) continue
    seen.add(url.href)
    links.push({ text: (a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120) || url.href, url: url.href })
  }
  const body = DOMPurify.sanitize(parsed.body?.innerHTML ?? '', {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    FORBID_TAGS: ['style', 'script', 'svg', 'math', 'iframe', 'object', 'embed', 'form', 'img', 'video', 'audio', 'source', 'link', 'meta', 'base'],
    RETURN_TRUSTED_TYPE: false
  })
  const title = (parsed.title || 'Original').replace(/[<>&]/g, '')
  const document = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><title>${title}</title><style>${FRAME_STYLE}</style></head><body>${body}</body></html>`
  return { document, links }
}
