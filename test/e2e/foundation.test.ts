import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, dropFiles, dropFilesFrom, openWorkbench, screenshotOnFailure, type Workbench } from './support'

const FIXTURE = join(ROOT, 'test/fixtures/e2e/valley-talks.txt')

describe('foundation: drop a file, read it', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('highlights the drop zone, imports the dropped file, lists it and opens it in the Reader', async () => {
    screenshotOnFailure(wb, 'foundation')
    const { page } = wb
    // The progress bar may show only briefly for one small file: record that it appeared.
    await page.evaluate(() => {
      const w = window as unknown as { __progressSeen: boolean }
      w.__progressSeen = false
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="import-progress"] progress')) w.__progressSeen = true
      }).observe(document.body, { subtree: true, childList: true })
    })
    await dropFiles(page, dropFilesFrom([FIXTURE]), async () => {
      await page.locator('[data-testid="dropzone"].dropzone-over').waitFor({ timeout: 5000 })
      await page.getByText('Drop articles to import').waitFor()
      await wb.screenshot('foundation-1-drag-over')
    })
    const summary = page.getByTestId('import-summary')
    await summary.waitFor()
    expect(await summary.textContent()).toContain('1 article added')
    expect(await page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen)).toBe(true)
    expect(await page.locator('[data-testid="dropzone"]').getAttribute('class')).not.toContain('dropzone-over')

    const row = page.getByRole('option', { name: /Talks over northern valley stall/ })
    await row.waitFor()
    await row.click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: 'Talks over northern valley stall as both sides dig in' }).waitFor()
    await reader.getByText('We asked for guarantees and were offered promises').waitFor()
    expect(await reader.locator('[data-ordinal]').count()).toBe(3)
    await wb.screenshot('foundation-2-reader')
    expect(wb.foreignRequests).toEqual([])
    expect(wb.pageErrors).toEqual([])
  })
})
