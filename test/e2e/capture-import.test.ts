import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CRAWL_PAGES, makeWarc } from '../support/import/make-captures'
import { axeViolations, dropFiles, openWorkbench, screenshotOnFailure, type Workbench } from './support'

describe('a web archive dropped in browser mode', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('imports every archived page, says what it passed over, and the Reader shows where each was captured', async () => {
    screenshotOnFailure(wb, 'capture-import')
    const { page } = wb
    await dropFiles(page, [{ name: 'crawl.warc.gz', bytes: makeWarc({ gzip: true }) }])
    const summary = page.getByTestId('import-summary')
    await summary.waitFor()
    expect(await summary.locator('.summary-line').textContent()).toMatch(/^3 articles added/)
    expect(await summary.getByRole('list', { name: 'Records passed over' }).textContent()).toBe(
      'crawl.warc.gz: passed over 3 requests, 1 redirect, 2 assets, 1 non-200 response, 1 revisit'
    )
    await page.getByRole('option', { name: new RegExp(CRAWL_PAGES[1]!.title) }).click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: CRAWL_PAGES[1]!.title }).waitFor()
    expect(await reader.getByLabel('Capture provenance').textContent()).toMatch(
      /^Captured 31 Aug 2021 14:03 UTC from https:\/\/courier\.example\/news\/ferry-timetable · WARC web archive \(Webrecorder ArchiveWeb\.page 0\.11\.3\) · byte \d+ of crawl\.warc\.gz$/
    )
    await wb.screenshot('capture-import')
    expect(await axeViolations(page)).toEqual([])
    expect(wb.foreignRequests).toEqual([])
  })
})
