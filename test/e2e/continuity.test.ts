/**
 * Issue 16, points 2-4, with the real `annalist serve` process: a wrong or missing token shows
 * the token screen; a server stopped mid-edit shows "connection lost", keeps the typed text, and
 * the tab saves it once the server is back on the same URL; the URL and each archive's UI state
 * survive the restart; --new-token sends old tabs to the token screen.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_HEADER } from '../../src/shared/http-api'
import { guardConsole, SERVER_GONE, UNAUTHORIZED_RESPONSE, type ConsoleGuard } from './console-guard'
import { startServe, type ServeProcess } from './serve-process'
import { axeViolations, CHROMIUM_ARGS, ROOT, RESULTS_DIR, selectInReader } from './support'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const FIXTURE = join(ROOT, 'test/fixtures/e2e/valley-talks.txt')
const SENTENCE = 'A spokesman for the authorities, Nasir Qaderi, said on Friday that the talks had been "useful"'

describe('continuity: token screen, connection lost, same URL after a restart', () => {
  let dir: string
  let archiveDir: string
  let configHome: string
  let serve: ServeProcess | null = null
  let browser: Browser
  /** One browser profile for every tab, as a user's: its storage outlives tabs and server restarts. */
  let context: BrowserContext
  const guards: ConsoleGuard[] = []

  const newPage = async (): Promise<Page> => {
    const page = await context.newPage()
    guards.push(guardConsole(page))
    return page
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'annalist-e2e-continuity-'))
    archiveDir = join(dir, 'my-archive')
    configHome = join(dir, 'config')
    const imported = spawnSync(process.execPath, [join(ROOT, 'bin/annalist.js'), 'import', FIXTURE, '--archive', archiveDir], { encoding: 'utf8' })
    expect(imported.status, imported.stderr).toBe(0)
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the URL and the token file private across restarts, and shows the token screen for a wrong or missing token', async () => {
    serve = await startServe(archiveDir, configHome)
    const first = serve.openUrl
    await serve.stop()
    serve = await startServe(archiveDir, configHome)
    expect(serve.openUrl).toBe(first)
    expect(serve.stdout()).toMatch(/same URL every time for this archive/)
    const memoryDir = join(configHome, 'Annalist', 'serve')
    const [file] = readdirSync(memoryDir)
    expect(statSync(join(memoryDir, file!)).mode & 0o777).toBe(0o600)
    expect(statSync(memoryDir).mode & 0o777).toBe(0o700)

    const wrong = await newPage()
    guards.at(-1)!.allow(UNAUTHORIZED_RESPONSE)
    await wrong.goto(first.replace(/#token=.*/, '#token=not-the-token-of-this-server-at-all'))
    await wrong.getByRole('heading', { name: 'This page’s key was not accepted' }).waitFor()
    await wrong.getByText(/annalist serve --new-token/).first().waitFor()
    expect(await wrong.getByRole('heading', { name: /Library/ }).count()).toBe(0)
    expect(await wrong.getByText('No events yet').count()).toBe(0)
    await wrong.screenshot({ path: join(RESULTS_DIR, 'continuity-token-screen.png') })
    expect(await axeViolations(wrong), 'token screen').toEqual([])
    // Pasting the printed URL opens the workbench.
    await wrong.getByLabel('Paste the URL the server printed').fill(first)
    await wrong.getByRole('button', { name: 'Open with this URL' }).click()
    await wrong.getByRole('heading', { name: /Library\s*1/ }).waitFor()
    await wrong.close()

    const missing = await newPage()
    guards.at(-1)!.allow(UNAUTHORIZED_RESPONSE)
    await missing.goto(first.replace(/#token=.*/, ''))
    await missing.getByRole('heading', { name: 'This page was opened without its key' }).waitFor()
    await missing.close()
    for (const g of guards) g.check()
  })

  it('pauses while the server is stopped, keeps the typed text, and saves it when the server is back on the same URL', async () => {
    const page = await newPage()
    const guard = guards.at(-1)!
    await page.goto(serve!.openUrl)
    await page.getByRole('heading', { name: /Library\s*1/ }).waitFor()
    await page.getByRole('note').getByRole('button', { name: 'Got it' }).click()
    await page.getByRole('option', { name: /Talks over northern valley stall/ }).click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: /Talks over northern valley stall/ }).waitFor()
    await selectInReader(page, SENTENCE)
    await page.getByRole('dialog', { name: 'Cite selection' }).getByRole('button', { name: 'Cite → new event' }).click()
    const chronology = page.getByRole('region', { name: 'Chronology' })
    const editor = chronology.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()

    guard.allow(SERVER_GONE)
    await serve!.stop()
    serve = null
    await page.getByText('Connection lost — retrying…').waitFor()
    await editor.getByLabel('Title').fill('Qaderi calls the talks useful')
    await editor.getByRole('button', { name: 'Save' }).click()
    await page.getByText(/1 change waits to be saved/).waitFor()
    await page.screenshot({ path: join(RESULTS_DIR, 'continuity-connection-lost.png') })
    expect(await axeViolations(page), 'connection lost').toEqual([])
    expect(await editor.getByLabel('Title').inputValue()).toBe('Qaderi calls the talks useful')
    expect(await page.getByText(/Failed to fetch/).count()).toBe(0)

    serve = await startServe(archiveDir, configHome)
    await page.getByText('Connection lost — retrying…').waitFor({ state: 'detached', timeout: 30_000 })
    await editor.waitFor({ state: 'detached' })
    await chronology.getByRole('button', { name: /Qaderi calls the talks useful/ }).waitFor()
    expect(await page.getByText(/Failed to fetch/).count()).toBe(0)

    // The event stream is back too: a change made by another client shows up in this tab unasked.
    const url = new URL(serve!.openUrl)
    const res = await fetch(new URL('/api/createChronology', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: url.hash.replace('#token=', '') },
      body: JSON.stringify({ name: 'Made in another tab' })
    })
    expect(res.status).toBe(200)
    await chronology.locator('option', { hasText: 'Made in another tab' }).waitFor({ state: 'attached' })
    guard.check()
  })

  it('keeps each archive’s UI state: the open article and the dismissed hint come back after a restart and after switching archives', async () => {
    await serve!.stop()
    serve = await startServe(archiveDir, configHome, ['--allow', dir])
    const page = await newPage()
    await page.goto(serve.openUrl)
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: /Talks over northern valley stall/ }).waitFor()
    expect(await page.getByRole('note').filter({ hasText: 'Drop your own articles here' }).count()).toBe(0)

    // Another archive in the same tab starts with its own state: nothing open, the hint shown.
    await page.getByRole('button', { name: /^my-archive$/ }).click()
    await page.getByRole('button', { name: 'Open or create another archive…' }).click()
    await page.getByLabel('Folder of the archive to open (created if new)').fill(join(dir, 'second'))
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await page.getByRole('button', { name: /^second$/ }).waitFor()
    await page.getByRole('note').getByText('Drop your own articles here').waitFor()
    expect(await reader.getByRole('heading', { name: /Talks over northern valley stall/ }).count()).toBe(0)

    // And back: the first archive's open article and dismissed hint are as they were.
    await page.getByRole('button', { name: /^second$/ }).click()
    await page.getByRole('list', { name: 'Recent archives' }).getByRole('button', { name: 'my-archive', exact: true }).click()
    await reader.getByRole('heading', { name: /Talks over northern valley stall/ }).waitFor()
    expect(await page.getByRole('note').filter({ hasText: 'Drop your own articles here' }).count()).toBe(0)
    guards.at(-1)!.check()
  })

  it('sends a tab holding the old token to the token screen after --new-token', async () => {
    const page = await newPage()
    const guard = guards.at(-1)!
    await page.goto(serve!.openUrl)
    await page.getByRole('heading', { name: /Library\s*1/ }).waitFor()
    guard.allow(SERVER_GONE)
    guard.allow(UNAUTHORIZED_RESPONSE)
    const old = serve!.openUrl
    await serve!.stop()
    serve = await startServe(archiveDir, configHome, ['--new-token'])
    expect(serve.openUrl).not.toBe(old)
    expect(new URL(serve.openUrl).port).toBe(new URL(old).port)
    await page.getByRole('heading', { name: 'This page’s key was not accepted' }).waitFor({ timeout: 30_000 })
    guard.check()
  })
})
