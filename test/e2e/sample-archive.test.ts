/**
 * Issue 16, point 5, with the real `annalist serve` on a new profile: the user's own archive
 * starts empty; the sample lives in its own, labelled archive one click away; it is removed
 * with one confirmed action, which leaves the user's archive alone.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { guardConsole } from './console-guard'
import { startServe, type ServeProcess } from './serve-process'
import { axeViolations, CHROMIUM_ARGS, RESULTS_DIR } from './support'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

describe('first run: an empty own archive and a separate sample archive', () => {
  let dir: string
  let serve: ServeProcess
  let browser: Browser

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'annalist-e2e-sample-'))
    serve = await startServe(join(dir, 'my-archive'), join(dir, 'config'))
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS })
  })
  afterAll(async () => {
    await browser?.close()
    await serve?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('opens the own archive empty, switches to the labelled sample and back in one click, and removes the sample', async () => {
    const sampleDir = join(dir, 'config', 'Annalist', 'sample-archive')
    expect(serve.stdout()).toContain(`Your archive is empty. A separate sample archive with 12 sample articles and a 6-event chronology is at ${sampleDir}`)
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    const guard = guardConsole(page)
    await page.goto(serve.openUrl)

    // The own archive: empty, nothing fictional in it.
    await page.getByRole('button', { name: /^my-archive$/ }).waitFor()
    await page.getByRole('heading', { name: /Library\s*0/ }).waitFor()
    await page.getByRole('heading', { name: /Chronology\s*0/ }).waitFor()

    // One click to the sample, labelled as such in the top bar.
    await page.getByRole('button', { name: /^my-archive$/ }).click()
    await page.getByRole('button', { name: 'Open the sample archive' }).click()
    await page.getByRole('button', { name: /^Sample archive$/ }).waitFor()
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
    await page.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()

    // And back to the own archive from the recent list, which does not list the sample twice.
    await page.getByRole('button', { name: /^Sample archive$/ }).click()
    const recent = page.getByRole('list', { name: 'Recent archives' })
    // The menu shows the list it had until the fresh one answers (a list with no other archive is not drawn), so wait for it.
    await expect.poll(() => recent.getByRole('button').allTextContents()).toEqual(['my-archive'])
    await page.screenshot({ path: join(RESULTS_DIR, 'sample-archive-menu.png') })
    expect(await axeViolations(page)).toEqual([])
    await recent.getByRole('button', { name: 'my-archive', exact: true }).click()
    await page.getByRole('button', { name: /^my-archive$/ }).waitFor()
    await page.getByRole('heading', { name: /Library\s*0/ }).waitFor()

    // Back in the sample, remove it: confirmed, then the app is on the own archive and the sample is gone.
    await page.getByRole('button', { name: /^my-archive$/ }).click()
    await page.getByRole('button', { name: 'Open the sample archive' }).click()
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
    await page.getByRole('button', { name: /^Sample archive$/ }).click()
    await page.getByRole('button', { name: 'Remove the sample archive…' }).click()
    const confirm = page.getByRole('alertdialog')
    await confirm.getByText('Remove the sample archive and everything in it (12 articles, 6 events)?').waitFor()
    await confirm.getByRole('button', { name: 'Keep it' }).click()
    expect(existsSync(sampleDir)).toBe(true)
    await page.getByRole('button', { name: 'Remove the sample archive…' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove sample archive' }).click()
    await page.getByRole('button', { name: /^my-archive$/ }).waitFor()
    await page.getByRole('heading', { name: /Library\s*0/ }).waitFor()
    // The switch back is announced before the folder goes, in the same call.
    await expect.poll(() => existsSync(sampleDir), { timeout: 10_000 }).toBe(false)
    expect(existsSync(join(dir, 'my-archive', 'archive.sqlite'))).toBe(true)
    await page.getByRole('button', { name: /^my-archive$/ }).click()
    await page.getByRole('group', { name: 'Archives' }).waitFor()
    expect(await page.getByRole('button', { name: 'Open the sample archive' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Remove the sample archive…' }).count()).toBe(0)
    guard.check()
  })
})
