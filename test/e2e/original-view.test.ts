import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, axeViolations, dropFiles, dropFilesFrom, openWorkbench, screenshotOnFailure, type Workbench } from './support'

describe('Reader original view of a hostile web page', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('shows the page only sanitized in a sandboxed frame: nothing runs, nothing loads', async () => {
    screenshotOnFailure(wb, 'original-view')
    const { page } = wb
    await dropFiles(page, dropFilesFrom([join(ROOT, 'test/fixtures/e2e/hostile-page.html')]))
    await page.getByTestId('import-summary').waitFor()
    await page.getByRole('option', { name: /Valley roads reopen after snow/ }).click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: /Valley roads reopen after snow/ }).waitFor()
    await reader.getByRole('button', { name: 'Original' }).click()

    const frame = page.getByTestId('original-frame')
    await frame.waitFor()
    expect(await frame.getAttribute('sandbox')).toBe('')
    const inner = page.frameLocator('[data-testid="original-frame"]')
    await inner.getByText('Trucks carrying flour were the first to cross.').waitFor()
    const doc = (await frame.getAttribute('srcdoc'))!
    expect(doc).toContain("Content-Security-Policy\" content=\"default-src 'none'")
    for (const banned of ['<script', 'onerror', 'onload', '<img', '<iframe', '<svg', '<form', '<object', 'javascript:', 'data:text', 'https://', 'url(', '@import', 'refresh']) {
      expect(doc.toLowerCase(), banned).not.toContain(banned)
    }
    // Give anything that might have slipped through time to run or load.
    await page.waitForTimeout(500)
    expect(await page.title()).toBe('Annalist')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined()
    for (const f of page.frames()) {
      expect(await f.evaluate(() => (window as unknown as { __pwned?: string }).__pwned).catch(() => undefined)).toBeUndefined()
    }
    expect(wb.foreignRequests).toEqual([])

    // The page's real link is offered for opening deliberately; script and data links are not.
    await reader.getByText(/Links in this page \(1\)/).click()
    await reader.getByRole('button', { name: 'full report' }).waitFor()
    await wb.screenshot('original-view')
    expect(await axeViolations(page)).toEqual([])
    expect(wb.foreignRequests).toEqual([])
  })
})
