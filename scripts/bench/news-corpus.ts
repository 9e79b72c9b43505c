/**
 * A second, synthetic import corpus unlike the Brown one (issue 17): news of 300–1,500 words
 * from 40 outlets over a 50,000-word Zipfian vocabulary with transliterated names, one
 * paragraph in ten shared wire copy, one article in five a heavy saved page (navigation, rails,
 * comments, footer, inline script and style, ~120 KB). Everything derives from the seed and the
 * article's index, so a corpus can be written in pieces (`from`) and a million-article run can
 * resume where it stopped.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { mulberry32 } from './prng'

/** Changes whenever the generated files would change. */
export const NEWS_CORPUS_VERSION = 1

const VOCABULARY = 50_000
const ZIPF_EXPONENT = 1.05
/** Articles per sub-folder of a written corpus. */
const PER_FOLDER = 1000

// The commonest ranks are real function words, so a "common word" query is what users type.
const FUNCTION_WORDS = (
  'the of and to a in that is for it was on with he as by at from his an be said have has not are were but ' +
  'they this had which or their who been after would its will more new also one two than about over into last ' +
  'there year when other up out some could after government people first officials only against minister police'
)
  .split(' ')
  .filter((w, i, all) => all.indexOf(w) === i)

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'st', 'tr', 'ch', 'sh', 'kr', 'pl', 'gr']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ou']
const CODAS = ['', '', '', '', 'n', 'r', 's', 'l', 'm', 'nt', 'st', 'k']

interface Tables {
  words: string[]
  /** Cumulative Zipf weights over `words`, last = 1. */
  cumulative: Float64Array
  names: string[][]
  outlets: { name: string; host: string; nav: string; footer: string }[]
  places: string[]
}

function syllable(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  return pick(ONSETS) + pick(VOWELS) + pick(CODAS)
}

/** Spellings of one name the way transliterations differ: ou/u, doubled consonants, kh/h, e/i. */
function spellings(base: string, r: () => number): string[] {
  const out = new Set([base])
  const rules: [RegExp, string][] = [
    [/ou/, 'u'],
    [/([bdfgklmnprstvz])([aeiou])/, '$1$1$2'],
    [/k/, 'kh'],
    [/e/, 'i'],
    [/a([^a]*)$/, 'e$1']
  ]
  for (const [from, to] of rules) if (r() < 0.5) out.add(base.replace(from, to))
  return [...out].map((s) => s.charAt(0).toUpperCase() + s.slice(1))
}

let cached: { seed: number; tables: Tables } | null = null

function tables(seed: number): Tables {
  if (cached?.seed === seed) return cached.tables
  const r = mulberry32(seed)
  const seen = new Set(FUNCTION_WORDS)
  const words = [...FUNCTION_WORDS]
  while (words.length < VOCABULARY) {
    const n = 1 + Math.floor(r() * 2.6)
    let w = ''
    for (let i = 0; i < n; i++) w += syllable(r)
    if (w.length < 3 || seen.has(w)) continue
    seen.add(w)
    words.push(w)
  }
  const cumulative = new Float64Array(words.length)
  let sum = 0
  for (let i = 0; i < words.length; i++) cumulative[i] = sum += 1 / (i + 1) ** ZIPF_EXPONENT
  for (let i = 0; i < words.length; i++) cumulative[i]! /= sum
  const names: string[][] = []
  for (let i = 0; i < 600; i++) names.push(spellings(syllable(r) + syllable(r) + (r() < 0.5 ? syllable(r) : ''), r))
  const outlets = Array.from({ length: 40 }, (_, i) => {
    const word = words[400 + i * 7]!
    const name = `The ${word.charAt(0).toUpperCase()}${word.slice(1)} ${['Herald', 'Post', 'Times', 'Wire', 'Courier', 'Daily', 'Observer', 'Tribune'][i % 8]}`
    const host = `www.${word}${i}.example`
    const links = (count: number, prefix: string): string =>
      Array.from({ length: count }, (_, k) => `<li><a href="/${prefix}/${k}">${words[600 + ((i * 13 + k * 7) % 900)]}</a></li>`).join('')
    return {
      name,
      host,
      nav: `<nav class="site-nav"><ul>${links(140, 'section')}</ul></nav>`,
      footer: `<footer><p>Subscribe to ${name} for the full coverage.</p><ul class="footer-links">${links(90, 'about')}</ul><p>© ${name}. All rights reserved.</p></footer>`
    }
  })
  const places = Array.from({ length: 120 }, () => (syllable(r) + syllable(r)).toUpperCase())
  cached = { seed, tables: { words, cumulative, names, outlets, places } }
  return cached.tables
}

function zipfWord(t: Tables, r: () => number): string {
  const x = r()
  let lo = 0
  let hi = t.cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (t.cumulative[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return t.words[lo]!
}

function sentence(t: Tables, r: () => number): string {
  const length = 8 + Math.floor(r() * 22)
  const out: string[] = []
  for (let i = 0; i < length; i++) {
    const roll = r()
    if (roll < 0.04) {
      const name = t.names[Math.floor(r() * r() * t.names.length)]!
      out.push(name[Math.floor(r() * name.length)]!)
    } else if (roll < 0.05) out.push(String(Math.floor(r() * 2000)))
    else out.push(zipfWord(t, r))
    if (i > 2 && i < length - 2 && r() < 0.06) out[out.length - 1] += ','
  }
  const s = out.join(' ')
  return s.charAt(0).toUpperCase() + s.slice(1) + '.'
}

function paragraph(t: Tables, r: () => number, words: number): string {
  const out: string[] = []
  let n = 0
  while (n < words) {
    const s = sentence(t, r)
    out.push(s)
    n += s.split(' ').length
  }
  return out.join(' ')
}

export interface NewsArticle {
  index: number
  kind: 'text' | 'html'
  title: string
  dek: string
  outlet: number
  place: string
  /** `YYYY-MM-DD` */
  date: string
  byline: string
  paragraphs: string[]
}

/** Wire paragraphs are drawn from a pool of this many per seed, so copies recur across outlets. */
const WIRE_POOL = 5000

function wireParagraph(t: Tables, seed: number, k: number): string {
  const r = mulberry32(seed * 7919 + 104729 + k)
  return paragraph(t, r, 40 + Math.floor(r() * 50))
}

/** Article `index` of the corpus `seed`: the same pair always gives the same article. */
export function newsArticle(index: number, seed = 17): NewsArticle {
  const t = tables(seed)
  const r = mulberry32(seed * 1_000_003 + index)
  const target = 300 + Math.floor(r() * 1200)
  const paragraphs: string[] = []
  let words = 0
  while (words < target) {
    const p = r() < 0.1 ? wireParagraph(t, seed, Math.floor(r() * r() * WIRE_POOL)) : paragraph(t, r, 40 + Math.floor(r() * 80))
    paragraphs.push(p)
    words += p.split(' ').length
  }
  const headline = sentence(t, r).replace(/\.$/, '').split(' ').slice(0, 6 + Math.floor(r() * 6)).join(' ').replace(/,$/, '')
  const name = t.names[Math.floor(r() * t.names.length)]!
  const day = Math.floor(r() * 6 * 365)
  const date = new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
  return {
    index,
    kind: r() < 0.2 ? 'html' : 'text',
    title: headline,
    dek: sentence(t, r),
    outlet: Math.floor(r() * t.outlets.length),
    place: t.places[Math.floor(r() * t.places.length)]!,
    date,
    byline: `By ${name[0]} ${t.names[Math.floor(r() * t.names.length)]![0]}`,
    paragraphs
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function textFile(a: NewsArticle, outlet: string): string {
  const [y, m, d] = a.date.split('-').map(Number) as [number, number, number]
  const dateline = `${a.place}, ${MONTHS[m - 1]} ${d}, ${y} (${outlet}) — `
  return [a.title, a.dek, a.byline, dateline + a.paragraphs[0], ...a.paragraphs.slice(1)].join('\n\n') + '\n'
}

function htmlFile(a: NewsArticle, t: Tables, seed: number): string {
  const o = t.outlets[a.outlet]!
  const r = mulberry32(seed * 31 + a.index)
  const teasers = Array.from(
    { length: 24 },
    () => `<div class="teaser"><a href="/story/${Math.floor(r() * 1e6)}"><h3>${escapeHtml(sentence(t, r))}</h3></a><span>${1 + Math.floor(r() * 9)} hours ago</span></div>`
  ).join('')
  const comments = Array.from(
    { length: 10 },
    (_, i) => `<li class="comment"><div class="author">reader${(a.index + i) % 997}</div><p>${escapeHtml(sentence(t, r))}</p></li>`
  ).join('')
  const script = Array.from({ length: 520 }, (_, i) => `function t${i}(e,n){var r=e&&e.dataset?e.dataset.k:"",o={id:${i},k:r,v:n||0};return window.__q=(window.__q||[]).concat([o]),o}`).join(';')
  const css = Array.from({ length: 640 }, (_, i) => `.c${i}{margin:${i % 7}px;padding:${i % 5}px;color:#${((i * 2654435761) % 0xffffff).toString(16).padStart(6, '0')}}`).join('')
  const time = `${a.date}T08:00:00Z`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(a.title)} | ${escapeHtml(o.name)}</title>
<meta property="og:title" content="${escapeHtml(a.title)}">
<meta property="og:site_name" content="${escapeHtml(o.name)}">
<meta property="og:url" content="https://${o.host}/news/${a.index}">
<meta property="article:published_time" content="${time}">
<meta name="description" content="${escapeHtml(a.dek)}">
<style>${css}</style>
<script>${script}</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<header><div class="logo">${escapeHtml(o.name)}</div>${o.nav}</header>
<main><article>
<h1>${escapeHtml(a.title)}</h1>
<p class="dek">${escapeHtml(a.dek)}</p>
<div class="byline">${escapeHtml(a.byline)} · <time datetime="${time}">${a.date}</time></div>
${a.paragraphs.map((p, i) => `<p>${i === 0 ? `${a.place} — ` : ''}${escapeHtml(p)}</p>`).join('\n')}
<p>Follow ${escapeHtml(o.name)} for more updates on this story.</p>
</article>
<aside class="rail">${teasers}</aside>
<section class="comments"><h2>Comments</h2><ol>${comments}</ol></section></main>
${o.footer}
</body></html>
`
}

/** The file of article `index`: its path under the corpus root and its bytes. */
export function newsFile(index: number, seed = 17): { path: string; body: string } {
  const a = newsArticle(index, seed)
  const t = tables(seed)
  const folder = String(Math.floor(index / PER_FOLDER)).padStart(4, '0')
  const name = `${a.kind === 'html' ? 'page' : 'story'}-${String(index).padStart(7, '0')}.${a.kind === 'html' ? 'html' : 'txt'}`
  return { path: join(folder, name), body: a.kind === 'html' ? htmlFile(a, t, seed) : textFile(a, t.outlets[a.outlet]!.name) }
}

/**
 * Writes articles `from`..`to - 1` under `dir`, one sub-folder per 1,000; `only` keeps one kind
 * (the benchmark times plain text and saved pages apart). Returns the bytes of clean paragraphs
 * written, the measure the archive's size is compared with.
 */
export function writeNewsCorpus(dir: string, range: { from?: number; to: number; only?: 'text' | 'html' }, seed = 17): { files: number; cleanBytes: number } {
  let files = 0
  let cleanBytes = 0
  for (let i = range.from ?? 0; i < range.to; i++) {
    const a = newsArticle(i, seed)
    if (range.only && a.kind !== range.only) continue
    const f = newsFile(i, seed)
    mkdirSync(join(dir, f.path, '..'), { recursive: true })
    writeFileSync(join(dir, f.path), f.body)
    files++
    cleanBytes += a.paragraphs.reduce((s, p) => s + Buffer.byteLength(p) + 2, 0)
  }
  return { files, cleanBytes }
}
