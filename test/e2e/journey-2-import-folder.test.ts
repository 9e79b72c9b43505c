import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BAD_FILES, writeMixedFolder } from './corpus'
import { axeViolations, docsScreenshotPath, dropFiles, dropFilesFrom, openWorkbench, screenshotOnFailure, type Workbench } from './support'

describe('journey 2: drop a folder of 60 files, 5 of them bad', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('shows progress advancing, a summary naming the 5 failures with reasons, and 55 articles', async () => {
    screenshotOnFailure(wb, 'journey2')
    const { page } = wb
    const files = writeMixedFolder(join(wb.dir, 'drop'), 55)
    expect(files).toHaveLength(60)

    // Record every state the progress bar shows, however briefly.
    await page.evaluate(() => {
      const seen: string[] = []
      ;(window as unknown as { __progress: string[] }).__progress = seen
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress')
        if (bar) seen.push(`${bar.value}/${bar.max}`)
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
    })
    await dropFiles(page, dropFilesFrom(files))
    await page.getByTestId('import-progress').waitFor({ timeout: 10_000 })
    await wb.screenshot('journey2-1-progress')
    const summary = page.getByTestId('import-summary')
    await summary.waitFor({ timeout: 60_000 })

    const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)
    const values = [...new Set(seen)].map((s) => Number(s.split('/')[0]))
    const intermediate = values.filter((v) => v > 0 && v < 60)
    expect(intermediate.length).toBeGreaterThanOrEqual(2)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    expect(seen.at(-1)).toMatch(/\/60$/)

    expect(await summary.locator('.summary-line').textContent()).toMatch(/^55 articles added, 0 duplicate files, .*5 files failed/)
    const failures = summary.getByTestId('import-failures').locator('li')
    expect(await failures.count()).toBe(5)
    const texts = await failures.allTextContents()
    for (const bad of BAD_FILES) {
      const line = texts.find((t) => t.startsWith(bad.name))
      expect(line, `failure listed for ${bad.name}`).toBeDefined()
      // Each failure shows a code and a reason beyond the file name.
      expect(line!.length).toBeGreaterThan(bad.name.length + 10)
    }

    const library = page.getByRole('region', { name: 'Library' })
    await library.getByRole('heading', { name: /Library\s*55/ }).waitFor()
    expect(await page.locator('.archive-stats').textContent()).toContain('55 articles')
    const shot = await wb.screenshot('journey2-2-summary')
    copyFileSync(shot, docsScreenshotPath('import-summary'))

    const violations = await axeViolations(page)
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([])
    expect(wb.foreignRequests).toEqual([])
  })
})
