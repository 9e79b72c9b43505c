import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runImport } from '../../src/main/import/pipeline'
import { ROOT, openWorkbench, screenshotOnFailure, type Workbench } from './support'

// Keyboard only: no click, hover or drag from the import onwards.
const FILE = join(ROOT, 'resources/sample/articles/07-meridian-aid-convoy-turned-back.txt')
const PASSAGE = 'The Authority said the convoy lacked the required permits.'

/** Presses `key` until `reached` holds, as a keyboard user tabbing towards a control would. */
async function pressUntil(page: Page, key: string, reached: () => Promise<boolean>, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await reached()) return
    await page.keyboard.press(key)
  }
  if (!(await reached())) throw new Error(`${key} pressed ${limit} times without reaching the control`)
}

const focusedText = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
const liveText = (page: Page): Promise<string> => page.evaluate(() => document.querySelector('.reader-scroll [aria-live]')?.textContent ?? '')

describe('journey: cite a passage and export it with the keyboard only', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench({ setup: (archive) => runImport(archive, [{ kind: 'path', path: FILE }]).then(() => undefined) })
  })
  afterEach(() => {
    expect(wb.pageErrors).toEqual([])
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('searches, opens the article, selects a sentence by keys, cites it into a new event and exports the footnote quoting it exactly', async () => {
    screenshotOnFailure(wb, 'journey-keyboard-cite')
    const { page } = wb
    await page.getByRole('heading', { name: /Library\s*1/ }).waitFor()

    await page.keyboard.press('Control+K')
    await page.keyboard.type('convoy permits')
    await page.getByText(/^1 result$/).waitFor()
    // That can be the answer to a word typed on the way ("convoy"), with the next one ("convoy
    // permi", no hits) still to come: Enter then opens nothing. The whole query is answered once
    // the list stops updating.
    await page.getByLabel('updating').waitFor({ state: 'detached' })
    await page.getByText(/^1 result$/).waitFor()
    await page.keyboard.press('Enter')
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: 'Aid convoy turned back at Koram checkpoint' }).waitFor()

    await pressUntil(page, 'Tab', () => page.evaluate(() => document.activeElement?.classList.contains('reader-scroll') ?? false))
    // Sentence by sentence to the one to cite; each step is announced.
    await pressUntil(page, ')', async () => (await liveText(page)).includes(PASSAGE), 40)
    await page.keyboard.press('Shift+ArrowDown')
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(PASSAGE)
    expect(await liveText(page)).toContain(`Selected 9 words: ${PASSAGE}`)

    await page.keyboard.press('c')
    const popover = page.getByRole('dialog', { name: 'Cite selection' })
    await popover.waitFor()
    expect(await focusedText(page)).toBe('Cite → new event')
    await wb.screenshot('journey-keyboard-cite-popover')
    await page.keyboard.press('Enter')

    const editor = page.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()
    const title = editor.getByLabel('Title')
    expect(await title.inputValue()).toBe('The Authority said the convoy lacked the required permits')
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Title')
    await page.keyboard.press('Enter')
    await editor.waitFor({ state: 'detached' })
    // Saved, focus is back in the Reader the citing started from, not on the page.
    await page.waitForFunction(() => document.activeElement?.classList.contains('reader-scroll'))

    await pressUntil(page, 'Shift+Tab', async () => (await focusedText(page)) === 'Export…')
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Export chronology' })
    await dialog.waitFor()
    expect(await dialog.getByLabel('Format').inputValue()).toBe('md')
    await page.waitForFunction((quote) => document.querySelector('[data-testid="export-preview"]')?.textContent?.includes(quote), PASSAGE)
    await pressUntil(page, 'Tab', async () => (await focusedText(page)) === 'Download')
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    const markdown = readFileSync((await download.path())!, 'utf8')
    const footnote = markdown.split('\n').find((l) => l.startsWith('[^') && l.includes('“'))
    expect(footnote).toBeDefined()
    expect(footnote).toContain(`: “${PASSAGE}”`)
    expect(markdown).toContain('The Authority said the convoy lacked the required permits')
    expect(markdown).not.toContain('…')

    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    // Focus returns on the frame after the dialog leaves (useRestoreFocus), not with its removal.
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Export…')
  })
})
