import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, openSampleWorkbench, screenshotOnFailure, type Workbench } from './support'

describe('chronology tools: drag to merge, filters, new chronology, saved searches', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openSampleWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('merges one event into another by dragging, and undoes it', async () => {
    screenshotOnFailure(wb, 'chronology-merge')
    const { page } = wb
    const pane = page.getByRole('region', { name: 'Chronology' })
    await pane.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()
    const source = pane.locator('.event-item', { hasText: 'Aid convoy turned back' })
    const target = pane.locator('.event-item', { hasText: 'Night fighting on the western ridge' })
    await source.dragTo(target)
    const confirm = pane.getByRole('alertdialog', { name: 'Merge events' })
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain('Merge “Aid convoy turned back at the Koram checkpoint” into “Night fighting on the western ridge”')
    await wb.screenshot('chronology-merge-confirm')
    await confirm.getByRole('button', { name: 'Merge' }).click()
    await pane.getByRole('heading', { name: /Chronology\s*5/ }).waitFor()
    const merged = pane.getByRole('button', { name: /Night fighting on the western ridge/ })
    expect(await merged.textContent()).toContain('2 citations')
    await pane.getByRole('button', { name: 'Undo' }).click()
    await pane.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()
    expect(await pane.getByRole('button', { name: /Aid convoy turned back/ }).count()).toBe(1)
  })

  it('filters by status and makes a new, empty chronology', async () => {
    const { page } = wb
    const pane = page.getByRole('region', { name: 'Chronology' })
    await pane.getByRole('button', { name: /^Filter/ }).click()
    await pane.getByLabel('Status').selectOption('disputed')
    await pane.getByRole('heading', { name: /Chronology\s*2/ }).waitFor()
    expect(await pane.locator('.event-row').count()).toBe(2)
    await wb.screenshot('chronology-filtered')
    expect(await axeViolations(page), 'filters').toEqual([])
    await pane.getByRole('button', { name: 'Clear' }).click()
    await pane.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()

    await pane.getByLabel('Chronology shown').selectOption('__new')
    await pane.getByLabel('Name of the new chronology').fill('Aid access')
    await pane.getByRole('button', { name: 'Create' }).click()
    await pane.getByRole('heading', { name: /Chronology\s*0/ }).waitFor()
    expect(await pane.getByLabel('Chronology shown').locator('option:checked').textContent()).toBe('Aid access (0)')
    await pane.getByLabel('Chronology shown').selectOption('')
    await pane.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()
  })

  it('saves a search under a name and forgets it', async () => {
    const { page } = wb
    await page.locator('#search-input').fill('anjir')
    await page.locator('#search-hits [role="option"]').first().waitFor()
    await page.getByRole('button', { name: 'Save search' }).click()
    await page.getByLabel('Name for this search').fill('Anjir pass')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    const saved = page.getByLabel('Saved searches')
    await saved.waitFor()
    expect(await saved.locator('option').allTextContents()).toContain('Anjir pass')
    await page.locator('#search-input').fill('')
    await saved.selectOption({ label: 'Anjir pass' })
    expect(await page.locator('#search-input').inputValue()).toBe('anjir')
    await page.getByRole('button', { name: 'Forget “Anjir pass”' }).click()
    await page.getByRole('button', { name: 'Save search' }).waitFor()
    expect(wb.pageErrors).toEqual([])
  })

  it('deletes articles with undo, and refuses to delete a cited one with the reason', async () => {
    const { page } = wb
    await page.locator('#search-input').fill('')
    const list = page.getByRole('listbox', { name: 'Articles' })
    const library = page.getByRole('region', { name: 'Library' })
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
    await list.getByRole('option', { name: /Winter closes the northern passes/ }).click({ modifiers: ['Control'] })
    await library.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('heading', { name: /Library\s*11/ }).waitFor()
    await page.getByText('Deleted 1 article.').waitFor()
    await library.getByRole('button', { name: 'Undo', exact: true }).click()
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()

    // Several articles are one action: one Undo brings them all back.
    await list.getByRole('option', { name: /Winter closes the northern passes/ }).click({ modifiers: ['Control'] })
    await list.getByRole('option', { name: /Ceasefire talks resume in Koram/ }).click({ modifiers: ['Control'] })
    await library.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByText('Deleted 2 articles.').waitFor()
    await page.getByRole('heading', { name: /Library\s*10/ }).waitFor()
    await library.getByRole('button', { name: 'Undo', exact: true }).click()
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()

    // A later change in the archive takes the notice away: its Undo would no longer be "put back what I deleted".
    await list.getByRole('option', { name: /Winter closes the northern passes/ }).click({ modifiers: ['Control'] })
    await library.getByRole('button', { name: 'Delete', exact: true }).click()
    const notice = page.getByText('Deleted 1 article.')
    await notice.waitFor()
    await wb.backend.api.createChronology({ name: 'Made elsewhere' })
    await notice.waitFor({ state: 'hidden' })
    await wb.backend.api.undo({})
    await wb.backend.api.undo({})
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()

    await list.getByRole('option', { name: /Aid convoy turned back at Koram checkpoint/ }).click({ modifiers: ['Control'] })
    await library.getByRole('button', { name: 'Delete', exact: true }).click()
    const problem = page.getByRole('alert').filter({ hasText: 'is cited by' })
    await problem.waitFor()
    expect(await problem.textContent()).toMatch(/^Not deleted: “[^”]*Aid convoy turned back at Koram checkpoint[^”]*” \([^)]+\) is cited by event “Aid convoy turned back at the Koram checkpoint”\.✕?$/)
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
    await problem.getByRole('button', { name: 'Dismiss message' }).click()
  })
})
