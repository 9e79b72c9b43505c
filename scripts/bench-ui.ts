/**
 * UI benchmark: typing in the workbench's search box against an archive of N generated articles
 * (default 10,000), in Debian's Chromium driven by playwright-core over browser mode.
 *
 * Each keystroke is measured from the key event in the page to the first animation frame after
 * the result list shows the answer to the query typed so far (the list's `data-answered`), so the
 * figure includes the debounce, the HTTP round trip, the search itself, React's render and the
 * paint. Keys are pressed one at a time, each after the previous one's results are on screen.
 *
 * With `--library N` it instead scrolls the Library through an archive of N short articles
 * (default 100,000) and reports frame times while scrolling and how long rows stay blank; with
 * `--timeline N` it zooms and pans the visual timeline over N events (default 2,000).
 *
 *   npm run build && npx tsx scripts/bench-ui.ts [--articles 10000] [--rounds 3]
 *   npm run build && npx tsx scripts/bench-ui.ts --library 100000
 *   npm run build && npx tsx scripts/bench-ui.ts --timeline 2000
 *
 * Target (issue 8): p95 ≤ 100 ms at 10,000 articles; the Library smooth at 100,000 rows.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import { openArchive } from '../src/main/archive/archive'
import { createBackend } from '../src/main/backend'
import { startServer } from '../src/main/server/server'
import { insertCorpus } from './bench/corpus'
import { insertArticle } from '../src/main/archive/repo/articles'
import { insertEvent } from '../src/main/chronology/events'

const ROOT = resolve(import.meta.dirname, '..')
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** What a researcher types: names in several spellings, places, two-word queries, a phrase, fuzzy words. */
const QUERIES: { text: string; fuzzy: boolean }[] = [
  { text: 'massoud', fuzzy: false },
  { text: 'panjshir talks', fuzzy: false },
  { text: 'masood', fuzzy: true },
  { text: 'baghlan resistance', fuzzy: false },
  { text: '"the government"', fuzzy: false },
  { text: 'negotiat*', fuzzy: false },
  { text: 'kandahar', fuzzy: true },
  { text: 'saleh outlet:tass', fuzzy: false }
]

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

// In-page waiter, as source text: tsx would otherwise wrap its inner functions in a `__name`
// helper that does not exist in the page.
const WAIT_FOR_ANSWER = `(q) => new Promise((resolveMs, reject) => {
  let observer = null
  let timer = null
  const check = () => {
    const list = document.getElementById('search-hits')
    if (list?.getAttribute('data-answered') !== q) return
    observer.disconnect()
    clearTimeout(timer)
    const searchMs = Number(list.getAttribute('data-search-ms'))
    requestAnimationFrame(() => resolveMs([performance.now() - window.__keyAt, searchMs]))
  }
  observer = new MutationObserver(check)
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-answered'] })
  timer = setTimeout(() => { observer.disconnect(); reject(new Error('no results for ' + q + ' within 10 s')) }, 10000)
})`

/**
 * Presses one key in the search box; resolves with the ms until its results were painted, and
 * the ms the backend reported spending on the search itself.
 */
async function timedKey(page: Page, key: string, expected: string): Promise<[number, number]> {
  const waiting = page.evaluate(`(${WAIT_FOR_ANSWER})(${JSON.stringify(expected)})`) as Promise<[number, number]>
  await page.keyboard.press(key)
  return waiting
}

/** An archive of `n` short articles, built once and kept under .bench/. */
function libraryArchive(n: number): string {
  const dir = join(ROOT, '.bench', `library-${n}`)
  if (existsSync(join(dir, 'complete'))) return join(dir, 'archive')
  rmSync(dir, { recursive: true, force: true })
  const archive = openArchive(join(dir, 'archive'))
  const insert = archive.db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      insertArticle(
        archive.db,
        {
          title: `Dispatch ${i + 1}: ${['talks', 'convoy', 'ridge', 'pass', 'valley', 'council'][i % 6]} report`,
          dek: null,
          outlet: ['Meridian Wire', 'Caspian Press', 'Northern Dispatch', 'Harbour News'][i % 4]!,
          byline: null,
          place: null,
          url: null,
          published: { edtf: `20${10 + (i % 14)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, precision: 'day', provenance: 'dateline' },
          language: 'en',
          paragraphs: [{ text: `Short article number ${i + 1} for the Library scrolling benchmark.`, page: null }]
        },
        null
      )
    }
  })
  for (let i = 0; i < n; i += 5000) {
    insert(i, Math.min(n, i + 5000))
    process.stderr.write(`\rbuilding library archive: ${Math.min(n, i + 5000)}/${n}`)
  }
  archive.close()
  mkdirSync(join(dir, 'complete'))
  process.stderr.write('\n')
  return join(dir, 'archive')
}

// Scrolls the Library in steps, one per frame, and records frame gaps and blank rows (as source
// text for the same reason as WAIT_FOR_ANSWER).
const SCROLL_LIBRARY = `async (steps) => {
  const list = document.querySelector('[role="listbox"][aria-label="Articles"]')
  const frames = []
  let blankFrames = 0
  let last = performance.now()
  for (let i = 0; i < steps; i++) {
    list.scrollTop = (list.scrollHeight - list.clientHeight) * ((i * 7919) % steps) / steps
    await new Promise((r) => requestAnimationFrame(r))
    const now = performance.now()
    frames.push(now - last)
    last = now
    if (list.querySelector('.lib-row-loading')) blankFrames++
  }
  // How long the last position takes to fill in.
  const t = performance.now()
  while (list.querySelector('.lib-row-loading') && performance.now() - t < 5000) await new Promise((r) => requestAnimationFrame(r))
  return { frames, blankFrames, fillMs: performance.now() - t, rows: list.querySelectorAll('[role="option"]').length, total: list.scrollHeight }
}`

async function benchLibrary(n: number): Promise<void> {
  const rendererDir = join(ROOT, 'out/renderer')
  const backend = createBackend(openArchive(libraryArchive(n)))
  const server = await startServer({ backend, rendererDir })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const t = performance.now()
    await page.goto(server.openUrl)
    await page.locator('.lib-row[role="option"]').first().waitFor()
    const firstRows = performance.now() - t
    const result = (await page.evaluate(`(${SCROLL_LIBRARY})(300)`)) as { frames: number[]; blankFrames: number; fillMs: number; rows: number }
    const frames = result.frames.slice(1).sort((a, b) => a - b)
    console.log(`\nLibrary with ${n.toLocaleString()} articles (Chromium, headless)\n`)
    console.log(`open page to first rows:        ${firstRows.toFixed(0)} ms`)
    console.log(`rows in the DOM:                ${result.rows}`)
    console.log(`frame time while jumping (300 random positions): p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${frames[frames.length - 1]!.toFixed(1)} ms`)
    console.log(`frames showing not-yet-loaded rows: ${result.blankFrames} of ${result.frames.length}; last position filled in ${result.fillMs.toFixed(0)} ms`)
  } finally {
    await browser.close()
    await server.close()
    backend.close()
  }
}

/** An archive holding `n` events over two years: days, months, ranges, a share disputed. */
function timelineArchive(n: number): string {
  const dir = join(ROOT, '.bench', `timeline-${n}`)
  if (existsSync(join(dir, 'complete'))) return join(dir, 'archive')
  rmSync(dir, { recursive: true, force: true })
  const archive = openArchive(join(dir, 'archive'))
  const start = Date.UTC(2022, 0, 1)
  archive.db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const day = new Date(start + ((i * 7919) % 730) * 86_400_000).toISOString().slice(0, 10)
      const next = new Date(Date.parse(day) + (1 + (i % 4)) * 86_400_000).toISOString().slice(0, 10)
      const date = i % 10 === 0 ? day.slice(0, 7) : i % 7 === 0 ? `${day}/${next}` : day
      insertEvent(archive.db, { title: `Event ${i + 1}: ${['talks', 'convoy', 'ridge', 'pass', 'valley'][i % 5]}`, date, status: i % 9 === 0 ? 'disputed' : 'reported' })
    }
  })()
  archive.close()
  mkdirSync(join(dir, 'complete'))
  return join(dir, 'archive')
}

// Zooms in and out around random points and pans, one wheel event per frame; records frame gaps.
const DRIVE_TIMELINE = `async (steps) => {
  const canvas = document.querySelector('[data-testid="timeline-canvas"]')
  const rect = canvas.getBoundingClientRect()
  const frames = []
  let last = performance.now()
  for (let i = 0; i < steps; i++) {
    const zoomIn = Math.floor(i / 40) % 2 === 0
    const x = rect.left + rect.width * (((i * 37) % 100) / 100)
    canvas.dispatchEvent(new WheelEvent('wheel', { bubbles: true, cancelable: true, clientX: x, clientY: rect.top + 40, deltaY: zoomIn ? -120 : 120, shiftKey: i % 5 === 0 }))
    await new Promise((r) => requestAnimationFrame(r))
    await new Promise((r) => requestAnimationFrame(r))
    const now = performance.now()
    frames.push(now - last)
    last = now
  }
  return frames
}`

async function benchTimeline(n: number): Promise<void> {
  const rendererDir = join(ROOT, 'out/renderer')
  const backend = createBackend(openArchive(timelineArchive(n)))
  const server = await startServer({ backend, rendererDir })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(server.openUrl)
    const pane = page.getByRole('region', { name: 'Chronology' })
    await pane.getByRole('heading', { name: new RegExp(`Chronology\\s*${n}$`) }).waitFor({ timeout: 60_000 })
    // Measured in the page, from the click to the second frame after it (canvas painted).
    const firstPaint = (await page.evaluate(`new Promise((resolve) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Timeline')
      const t = performance.now()
      button.click()
      const wait = () => document.querySelector('[data-testid="timeline-canvas"]')
        ? requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)))
        : requestAnimationFrame(wait)
      wait()
    })`)) as number
    // Each step waits two frames: one for React to take the wheel, one for the canvas to repaint.
    const frames = ((await page.evaluate(`(${DRIVE_TIMELINE})(200)`)) as number[]).slice(1).sort((a, b) => a - b)
    console.log(`\nTimeline with ${n.toLocaleString()} events (Chromium, headless)\n`)
    console.log(`switch to timeline, first paint: ${firstPaint.toFixed(0)} ms`)
    console.log(`zoom/pan step (two frames each, 200 steps): p50 ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, max ${frames[frames.length - 1]!.toFixed(1)} ms`)
  } finally {
    await browser.close()
    await server.close()
    backend.close()
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '3' }, library: { type: 'string' }, timeline: { type: 'string' } }
  })
  if (values.timeline !== undefined) {
    await benchTimeline(Number(values.timeline || 2000))
    return
  }
  if (values.library !== undefined) {
    await benchLibrary(Number(values.library || 100000))
    return
  }
  const n = Number(values.articles)
  const rounds = Number(values.rounds)
  const rendererDir = join(ROOT, 'out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first')

  const dir = join(ROOT, '.bench', `ui-${n}`)
  const marker = join(dir, 'complete')
  if (!existsSync(marker)) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const archive = openArchive(join(dir, 'archive'))
    const t = performance.now()
    insertCorpus(archive, { n, seed: 42 }, (done) => process.stderr.write(`\rbuilding archive: ${done}/${n}`))
    archive.close()
    mkdirSync(marker)
    process.stderr.write(`\rbuilt a ${n}-article archive in ${((performance.now() - t) / 1000).toFixed(1)} s\n`)
  }

  const backend = createBackend(openArchive(join(dir, 'archive')))
  const server = await startServer({ backend, rendererDir })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await page.goto(server.openUrl)
    await page.getByRole('heading', { name: 'Annalist' }).waitFor()
    await page.evaluate(`document.addEventListener('keydown', () => { window.__keyAt = performance.now() }, { capture: true })`)
    const box = page.locator('#search-input')
    const fuzzy = page.getByRole('checkbox', { name: 'Fuzzy' })
    const samples: number[] = []
    const backendMs: number[] = []
    const slowest: { typed: string; ms: number }[] = []
    const perQuery = new Map<string, number[]>()
    // One warm-up pass: the first queries pay for SQLite's page cache and V8's JIT.
    for (let round = 0; round <= rounds; round++) {
      for (const q of QUERIES) {
        await box.fill('')
        if ((await fuzzy.isChecked()) !== q.fuzzy) await fuzzy.setChecked(q.fuzzy)
        await box.focus()
        for (let i = 1; i <= q.text.length; i++) {
          const typed = q.text.slice(0, i)
          if (typed.trim() === '' || typed.endsWith(' ')) {
            await page.keyboard.press(q.text[i - 1]!)
            continue
          }
          const [ms, searchMs] = await timedKey(page, q.text[i - 1]!, typed)
          if (round === 0) continue
          samples.push(ms)
          backendMs.push(searchMs)
          slowest.push({ typed: `${typed}${q.fuzzy ? ' (fuzzy)' : ''}`, ms })
          perQuery.set(q.text, [...(perQuery.get(q.text) ?? []), ms])
        }
      }
    }
    samples.sort((a, b) => a - b)
    const rows = [...perQuery].map(([q, ms]) => {
      const s = [...ms].sort((a, b) => a - b)
      return { query: q, keys: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1]! }
    })
    const fmt = (v: number): string => v.toFixed(1).padStart(7)
    console.log(`\nKeystroke → rendered results, ${n.toLocaleString()} articles, ${rounds} rounds (${samples.length} keystrokes)\n`)
    console.log(`${'query'.padEnd(24)} ${'keys'.padStart(5)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'max ms'.padStart(7)}`)
    for (const r of rows) console.log(`${r.query.padEnd(24)} ${String(r.keys).padStart(5)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.max)}`)
    const p95 = percentile(samples, 95)
    console.log(`${'all'.padEnd(24)} ${String(samples.length).padStart(5)} ${fmt(percentile(samples, 50))} ${fmt(p95)} ${fmt(samples[samples.length - 1]!)}`)
    backendMs.sort((a, b) => a - b)
    console.log(`${'(backend search alone)'.padEnd(24)} ${String(backendMs.length).padStart(5)} ${fmt(percentile(backendMs, 50))} ${fmt(percentile(backendMs, 95))} ${fmt(backendMs[backendMs.length - 1]!)}`)
    slowest.sort((a, b) => b.ms - a.ms)
    console.log(`\nslowest keystrokes: ${slowest.slice(0, 8).map((s) => `"${s.typed}" ${s.ms.toFixed(0)} ms`).join(', ')}`)
    console.log(`target p95 ≤ 100 ms: ${p95 <= 100 ? 'met' : 'NOT met'}`)
  } finally {
    await browser.close()
    await server.close()
    backend.close()
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err)
  process.exit(1)
})
