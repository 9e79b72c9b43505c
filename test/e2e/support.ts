/**
 * Browser journeys: a temp archive, the real backend host (writer and reader threads) and the
 * browser-mode server in this process, and Debian's Chromium driven by playwright-core against the built renderer (out/renderer).
 */
import { seedSample } from '../../src/main/firstrun'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { onTestFailed } from 'vitest'
import { openArchive, type Archive } from '../../src/main/archive/archive'
import { startBackendHost, type BackendHost } from '../../src/main/host/host'
import { startServer, type RunningServer } from '../../src/main/server/server'

export const ROOT = resolve(__dirname, '../..')
export const RESULTS_DIR = join(ROOT, 'test-results')
const RENDERER_DIR = join(ROOT, 'out/renderer')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface Workbench {
  /** The archive folder the host serves. */
  archiveDir: string
  backend: BackendHost
  server: RunningServer
  browser: Browser
  context: BrowserContext
  page: Page
  dir: string
  /** Requests the page made to any origin but the app's own. */
  foreignRequests: string[]
  /** Uncaught page errors and console errors. */
  pageErrors: string[]
  /** Saves a full-window screenshot as test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

export interface WorkbenchOptions {
  /** Prepares the archive before the server starts (e.g. import fixtures, seed the sample). */
  setup?: (archive: Archive) => void | Promise<void>
  colorScheme?: 'light' | 'dark'
  viewport?: { width: number; height: number }
  deviceScaleFactor?: number
  /**
   * Serves with the test's temp folder granted, as `annalist serve --allow <folder>` would, so
   * the page may open or create archives there.
   */
  allowTempDir?: boolean
}

/** Starts archive + backend + server + Chromium and opens the workbench, ready to drive. */
/** Seeds an archive with the first-run sample articles and chronology (the normal pipeline). */
export const withSample: NonNullable<WorkbenchOptions['setup']> = async (archive) => {
  await seedSample(archive, join(ROOT, 'resources'))
}

/** A workbench over a fresh archive holding the sample, as a first run shows it. */
export function openSampleWorkbench(): Promise<Workbench> {
  return openWorkbench({ setup: withSample })
}

export async function openWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npx electron-vite build` before the e2e suite')
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`)
  mkdirSync(RESULTS_DIR, { recursive: true })
  const dir = mkdtempSync(join(tmpdir(), 'annalist-e2e-'))
  const archiveDir = join(dir, 'archive')
  const archive = openArchive(archiveDir)
  try {
    await options.setup?.(archive)
  } finally {
    // The host's writer thread takes the archive (and its lock) over.
    archive.close()
  }
  const backend = await startBackendHost({ archiveDir, recentArchivesFile: join(dir, 'recent-archives.json') })
  const server = await startServer({ backend, rendererDir: RENDERER_DIR, allow: options.allowTempDir ? [dir] : [] })
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true
  })
  const page = await context.newPage()
  const foreignRequests: string[] = []
  const pageErrors: string[] = []
  const origin = new URL(server.url).origin
  page.on('request', (req) => {
    const url = req.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && url !== 'about:blank' && url !== 'about:srcdoc') {
      foreignRequests.push(url)
    }
  })
  page.on('pageerror', (err) => pageErrors.push(err.message))
  page.on('console', (msg) => {
    if (msg.type() === 'error') pageErrors.push(msg.text())
  })
  await page.goto(server.openUrl)
  await page.getByRole('heading', { name: 'Annalist' }).waitFor()
  let closed = false
  return {
    archiveDir,
    backend,
    server,
    browser,
    context,
    page,
    dir,
    foreignRequests,
    pageErrors,
    async screenshot(name) {
      const file = join(RESULTS_DIR, `${name}.png`)
      await page.screenshot({ path: file })
      return file
    },
    async close() {
      if (closed) return
      closed = true
      await browser.close().catch(() => undefined)
      await server.close()
      await backend.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A file to drop: a name and its bytes. */
export interface DropFile {
  name: string
  bytes: Buffer | Uint8Array
  type?: string
}

/** Reads files from disk into DropFiles. */
export function dropFilesFrom(paths: string[]): DropFile[] {
  return paths.map((p) => ({ name: basename(p), bytes: readFileSync(p) }))
}

/**
 * Drags files over the window and drops them, the way a file manager would: dragenter and
 * dragover first (so the highlight shows), then `afterOver` runs (to look at it), then drop.
 */
export async function dropFiles(page: Page, files: DropFile[], afterOver?: () => Promise<void>): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? '', b64: Buffer.from(f.bytes).toString('base64') }))
  await page.evaluate((items) => {
    const dt = new DataTransfer()
    for (const item of items) {
      const bin = atob(item.b64)
      const bytes = new Uint8Array(bin.length)
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
      dt.items.add(new File([bytes], item.name, { type: item.type }))
    }
    ;(window as unknown as { __e2eDrop: DataTransfer }).__e2eDrop = dt
    const target = document.querySelector('[data-testid="dropzone"]')!
    target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }))
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }))
  }, payload)
  if (afterOver) await afterOver()
  await page.evaluate(() => {
    const dt = (window as unknown as { __e2eDrop: DataTransfer }).__e2eDrop
    const target = document.querySelector('[data-testid="dropzone"]')!
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }))
  })
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8')
  // Evaluated through the debugging protocol, so the page's CSP (script-src 'self') does not apply.
  await page.evaluate(source)
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }))
  })
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}

/**
 * Where a main-view screenshot goes: docs/screenshots/ (shown in the README) when
 * UPDATE_SCREENSHOTS=1, else test-results/screenshots/, so a test run leaves the tree clean.
 */
export function docsScreenshotPath(name: string): string {
  const dir = join(ROOT, process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-results/screenshots')
  mkdirSync(dir, { recursive: true })
  return join(dir, `${name}.png`)
}

/**
 * Selects `text` inside the Reader's article body the way a mouse drag would (a DOM range over
 * the text nodes, even when highlights split them) and releases the mouse there.
 */
export async function selectInReader(page: Page, text: string): Promise<void> {
  const ok = await page.evaluate((wanted) => {
    const body = document.querySelector('.reader-body')
    if (!body) return false
    for (const ptext of Array.from(body.querySelectorAll('.ptext'))) {
      const walker = document.createTreeWalker(ptext, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      let full = ''
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text)
        full += (n as Text).data
      }
      const at = full.indexOf(wanted)
      if (at < 0) continue
      const locate = (offset: number, isEnd: boolean): [Text, number] => {
        let seen = 0
        for (const node of nodes) {
          const len = node.data.length
          if (offset < seen + len || (isEnd && offset === seen + len)) return [node, offset - seen]
          seen += len
        }
        const last = nodes[nodes.length - 1]!
        return [last, last.data.length]
      }
      const [sn, so] = locate(at, false)
      const [en, eo] = locate(at + wanted.length, true)
      const range = document.createRange()
      range.setStart(sn, so)
      range.setEnd(en, eo)
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      const rect = range.getBoundingClientRect()
      ptext.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }))
      return true
    }
    return false
  }, text)
  if (!ok) throw new Error(`"${text}" is not in the Reader`)
}

/**
 * Call at the start of a test: if it fails, the window at that moment is saved as
 * test-results/<name>-FAILED.png, and what a CI log needs to explain a failure nobody can see
 * (the page's errors, the problem bar, what the panes show) is printed.
 */
export function screenshotOnFailure(wb: Workbench, name: string): void {
  onTestFailed(async () => {
    await wb.screenshot(`${name}-FAILED`).catch(() => undefined)
    const state = await wb.page
      .evaluate(() => {
        const text = (selector: string): string | null => document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').slice(0, 800) ?? null
        return {
          problem: text('[role="alert"]'),
          chronology: text('section[aria-label="Chronology"]'),
          citePopover: text('.cite-popover'),
          editor: document.querySelector('form.event-editor')?.getAttribute('aria-label') ?? null,
          readerTitle: text('#reader-title'),
          focused: document.activeElement?.outerHTML.slice(0, 200) ?? null
        }
      })
      .catch((err: unknown) => ({ unreadable: String(err) }))
    console.error(`${name} FAILED; page errors: ${JSON.stringify(wb.pageErrors)}; window: ${JSON.stringify(state, null, 1)}`)
  })
}
