import { copyFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, docsScreenshotPath, openSampleWorkbench, screenshotOnFailure, selectInReader, type Workbench } from './support'

const SENTENCE = 'An Authority statement said the meeting had been "constructive" and that Commander Rustam Kerimov had been invited to attend the next round in person.'

describe('journey 1: first run to a cited, exported event', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openSampleWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('finds a variant spelling, cites a sentence into a new month-precision event and exports it', async () => {
    screenshotOnFailure(wb, 'journey1')
    const { page } = wb
    // First run: the sample archive, its chronology and the drop hint.
    await page.getByRole('note').getByText('Drop your own articles here').waitFor()
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
    const chronology = page.getByRole('region', { name: 'Chronology' })
    await chronology.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()
    copyFileSync(await wb.screenshot('journey1-1-first-run'), docsScreenshotPath('first-run'))
    expect(await axeViolations(page), 'first run view').toEqual([])

    // Fuzzy search for a spelling the article does not use.
    await page.keyboard.press('Control+k')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input')
    await page.getByRole('checkbox', { name: 'Fuzzy' }).check()
    await page.locator('#search-input').fill('karimov')
    const also = page.getByTestId('also-matched')
    await also.waitFor()
    expect(await also.textContent()).toMatch(/also matched: .*kerimov/)
    const hit = page.getByRole('option', { name: /Ceasefire talks resume in Koram/ })
    await hit.waitFor()
    await hit.click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: /Ceasefire talks resume in Koram/ }).waitFor()
    await reader.locator('mark.hit', { hasText: 'Kerimov' }).waitFor()
    expect(await reader.getByText(/Match 1 of \d+/).count()).toBe(1)
    copyFileSync(await wb.screenshot('journey1-2-search-hit'), docsScreenshotPath('search'))
    expect(await axeViolations(page), 'search view').toEqual([])

    // Select the sentence and cite it into a new event.
    await selectInReader(page, SENTENCE)
    const popover = page.getByRole('dialog', { name: 'Cite selection' })
    await popover.waitFor()
    await wb.screenshot('journey1-3-cite-popover')
    await popover.getByRole('button', { name: 'Cite → new event' }).click()
    const editor = chronology.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()
    expect(await editor.getByLabel('Date (EDTF)').inputValue()).toBe('2023-11-01')
    await editor.getByRole('button', { name: 'month' }).click()
    expect(await editor.getByLabel('Date (EDTF)').inputValue()).toBe('2023-11')
    await editor.getByText('November 2023', { exact: true }).waitFor()
    await editor.getByLabel('Title').fill('Kerimov invited to the next round of talks')
    await editor.getByRole('button', { name: 'Save' }).click()
    await editor.waitFor({ state: 'detached' })
    const row = chronology.getByRole('button', { name: /Kerimov invited to the next round of talks/ })
    await row.waitFor()
    expect(await row.textContent()).toContain('November 2023')
    await chronology.getByRole('heading', { name: /Chronology\s*7/ }).waitFor()
    // The Reader now marks the cited passage in the text and the margin.
    await reader.getByRole('button', { name: /Citation: Kerimov invited/ }).waitFor()
    copyFileSync(await wb.screenshot('journey1-4-event'), docsScreenshotPath('workbench'))

    // Export: the Markdown preview shows the event and a footnote quoting the passage.
    await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export chronology' })
    await dialog.waitFor()
    await dialog.getByLabel('Format').selectOption('md')
    const preview = dialog.getByTestId('export-preview')
    await page.waitForFunction(() => document.querySelector('[data-testid="export-preview"]')?.textContent?.includes('Kerimov invited'))
    const md = (await preview.textContent())!
    const line = md.split('\n').find((l) => l.includes('Kerimov invited to the next round of talks'))!
    expect(line).toBeDefined()
    const ref = /\[\^([^\]]+)\]/.exec(line)
    expect(ref, `a footnote reference on "${line}"`).not.toBeNull()
    const definition = md.split('\n').find((l) => l.startsWith(`[^${ref![1]}]:`))
    expect(definition).toContain('Commander Rustam Kerimov had been invited')
    expect(definition).toContain('Caspian Press')
    copyFileSync(await wb.screenshot('journey1-5-export'), docsScreenshotPath('export'))
    expect(await axeViolations(page), 'export dialog').toEqual([])
    expect(wb.foreignRequests).toEqual([])
    expect(wb.pageErrors).toEqual([])
  })
})
