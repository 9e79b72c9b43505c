import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { axeViolations, openSampleWorkbench, screenshotOnFailure, selectInReader, type Workbench } from './support'

describe('Reader: near-duplicates, match navigation, metadata editing, citations', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openSampleWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('follows a near-duplicate link both ways', async () => {
    screenshotOnFailure(wb, 'reader-near-dups')
    const { page } = wb
    const reader = page.getByRole('region', { name: 'Reader' })
    await page.getByRole('option', { name: /Authority says it has taken the Anjir pass/ }).click()
    const near = reader.getByRole('list', { name: 'Near-duplicates' })
    await near.getByText(/Shares 2 paragraphs with/).waitFor()
    await near.getByRole('button', { name: /Conflicting claims over strategic pass/ }).click()
    await reader.getByRole('heading', { name: /Conflicting claims over strategic pass/ }).waitFor()
    await near.getByRole('button', { name: /Authority says it has taken the Anjir pass/ }).click()
    await reader.getByRole('heading', { name: /Authority says it has taken the Anjir pass/ }).waitFor()
  })

  it('steps through matches with the buttons and F3', async () => {
    const { page } = wb
    const reader = page.getByRole('region', { name: 'Reader' })
    await page.locator('#search-input').fill('pass')
    await page.getByRole('option', { name: /Authority says it has taken the Anjir pass/ }).first().click()
    const status = reader.getByText(/Match \d+ of \d+/)
    await status.waitFor()
    const total = Number(/of (\d+)/.exec((await status.textContent())!)![1])
    expect(total).toBeGreaterThan(2)
    expect(await reader.locator('mark.hit').count()).toBe(total)
    await reader.getByRole('button', { name: 'Next match' }).click()
    expect(await status.textContent()).toContain(`Match 2 of ${total}`)
    await page.keyboard.press('F3')
    expect(await status.textContent()).toContain(`Match 3 of ${total}`)
    await page.keyboard.press('Shift+F3')
    await reader.getByRole('button', { name: 'Previous match' }).click()
    expect(await status.textContent()).toContain(`Match 1 of ${total}`)
    expect(await reader.locator('mark.hit-active').count()).toBe(1)
    await page.locator('#search-input').fill('')
  })

  it('edits title, outlet and publication date with precision', async () => {
    const { page } = wb
    const reader = page.getByRole('region', { name: 'Reader' })
    await page.getByRole('option', { name: /Winter closes the northern passes/ }).click()
    await reader.getByRole('button', { name: 'Edit details' }).click()
    const form = reader.getByRole('form', { name: 'Article details' })
    await form.getByLabel('Title').fill('Winter closes the northern passes (analysis)')
    await form.getByLabel('Outlet').fill('Northern Dispatch Weekly')
    await form.getByRole('button', { name: 'month' }).click()
    expect(await form.getByLabel('Published (EDTF)').inputValue()).toBe('2023-11')
    await form.getByRole('button', { name: 'Save details' }).click()
    await form.waitFor({ state: 'detached' })
    await reader.getByRole('heading', { name: 'Winter closes the northern passes (analysis)' }).waitFor()
    expect(await reader.locator('.reader-meta').textContent()).toContain('Nov 2023')
    const row = page.getByRole('option', { name: /Winter closes the northern passes \(analysis\)/ })
    await row.waitFor()
    expect(await row.textContent()).toContain('Northern Dispatch Weekly')
    expect(await axeViolations(page)).toEqual([])
  })

  it('opens a citation at its passage from the chronology, and marks it in the margin', async () => {
    const { page } = wb
    const pane = page.getByRole('region', { name: 'Chronology' })
    await pane.getByRole('button', { name: /Night fighting on the western ridge/ }).click()
    await pane.getByRole('button', { name: /raged on the western ridge/ }).click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: /Heavy fighting reported on valley's western ridge/ }).waitFor()
    await reader.locator('.focus-mark', { hasText: 'raged on the western ridge' }).waitFor()
    await reader.getByRole('button', { name: 'Citation: Night fighting on the western ridge (supports)' }).waitFor()
    await wb.screenshot('reader-citation')
  })

  it('opens the Cite popover on the selection with the C key', async () => {
    const { page } = wb
    await page.getByRole('option', { name: /Aid convoy turned back at Koram checkpoint/ }).click()
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Aid convoy turned back at Koram checkpoint/ }).waitFor()
    await selectInReader(page, 'It was the second convoy turned back this month.')
    await page.locator('body').press('c')
    const popover = page.getByRole('dialog', { name: 'Cite selection' })
    await popover.getByRole('button', { name: 'Cite → new event' }).and(page.locator(':focus')).waitFor()
    await page.keyboard.press('Enter')
    const editor = page.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()
    expect(await editor.getByLabel('Title').inputValue()).toBe('It was the second convoy turned back this month')
    await editor.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('region', { name: 'Chronology' }).getByRole('heading', { name: /Chronology\s*7/ }).waitFor()
  })

  it('downloads the export it previews', async () => {
    const { page } = wb
    await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export chronology' })
    await dialog.getByLabel('Format').selectOption('csv')
    const preview = dialog.getByTestId('export-preview')
    await page.waitForFunction(() => document.querySelector('[data-testid="export-preview"]')?.textContent?.includes('Night fighting on the western ridge') && document.querySelector('.preview-head')?.textContent?.includes('.csv'))
    const shown = (await preview.textContent())!
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    const file = await download.path()
    expect(readFileSync(file, 'utf8')).toBe(shown)
    await dialog.getByText(/Downloaded .*\.csv/).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })
})
