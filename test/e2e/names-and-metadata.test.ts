/**
 * Issue 16, points 6 and 7: articles are named by title (with outlet and date), counts say what
 * they count, and an unknown outlet shows the address's host or the byline, never the file name.
 */
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ROOT, axeViolations, dropFiles, dropFilesFrom, openWorkbench, screenshotOnFailure, selectInReader, type Workbench } from './support'

const SHARED = join(ROOT, 'test/fixtures/import/shared-copy')

/** Markdown with front matter but no outlet: one gives its address, one only its author. */
const FROM_ADDRESS = `---
title: Ferry service resumes on the lower river
date: 2024-05-06
url: https://www.lower-river-news.example/2024/05/ferry
lang: en
---

The ferry between the two banks of the lower river resumed service on Monday after a week of repairs to its landing stage.

Passengers waited in a short queue at dawn, and the operator said the timetable would return to normal by Friday.
`
const FROM_AUTHOR = `---
title: Orchard growers count their losses after frost
date: 2024-04-19
author: Marta Quinn
---

Growers across the valley said a late frost destroyed much of the apple blossom, and several expect half a normal harvest.

The growers' association asked the regional council for help with the cost of replanting the worst-hit orchards.
`

describe('names everywhere and one rule for an unknown outlet', () => {
  let wb: Workbench | undefined

  afterEach(async () => {
    await wb?.close()
    wb = undefined
  })

  it('says how to import when the library is empty, then names articles in the import report and counts articles, not pairs', async () => {
    wb = await openWorkbench()
    screenshotOnFailure(wb, 'names-import')
    const { page } = wb
    const empty = page.getByTestId('library-empty')
    await empty.waitFor()
    expect(await empty.textContent()).toMatch(/Drop news articles anywhere in this window.*Import files…/)

    await dropFiles(page, dropFilesFrom([join(SHARED, 'atlantico-gates.txt'), join(SHARED, 'atlantico-mertola.txt')]))
    const summary = page.getByTestId('import-summary')
    await summary.waitFor()
    expect(await summary.locator('.summary-line').textContent()).toBe(
      '2 articles added, 0 duplicate files, 1 article shares paragraphs with 1 other, 0 files failed'
    )
    await summary.getByText('Articles sharing paragraphs').click()
    const shared = (await summary.locator('.failures').textContent())!
    expect(shared).toMatch(/“Mértola ferry suspended as dam release continues” \(Atlantico, [^)]+\)\)? shares 2 paragraphs with “Alqueva gates opened as the Guadiana rises” \(Atlantico/)
    expect(shared).not.toMatch(/article \d/i)
    await summary.getByRole('button', { name: /^“Alqueva gates opened/ }).click()
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: 'Alqueva gates opened as the Guadiana rises' }).waitFor()
    await page.getByRole('button', { name: 'Dismiss import summary' }).click()

    await dropFiles(page, dropFilesFrom([join(SHARED, 'atlantico-gates.txt')]))
    await summary.waitFor()
    expect(await summary.locator('.summary-line').textContent()).toBe('0 articles added, 1 duplicate file, 0 files failed')
    await summary.getByText('Duplicates (not imported again)').click()
    expect(await summary.locator('.failures').textContent()).toMatch(/^atlantico-gates\.txt: same file as “Alqueva gates opened as the Guadiana rises” \(Atlantico, /)
    expect(await axeViolations(page)).toEqual([])
    expect(wb.pageErrors).toEqual([])
  })

  it('shows the host or the byline where the outlet is unknown, in the Library, the Reader, citations and the export', async () => {
    wb = await openWorkbench()
    screenshotOnFailure(wb, 'names-outlet')
    const { page } = wb
    await dropFiles(page, [
      { name: 'ferry-notes.md', bytes: Buffer.from(FROM_ADDRESS) },
      { name: 'frost-notes.md', bytes: Buffer.from(FROM_AUTHOR) }
    ])
    await page.getByTestId('import-summary').waitFor()
    await page.getByRole('button', { name: 'Dismiss import summary' }).click()

    const ferryRow = page.getByRole('option', { name: /Ferry service resumes/ })
    const frostRow = page.getByRole('option', { name: /Orchard growers count/ })
    expect(await ferryRow.locator('.row-outlet').textContent()).toBe('lower-river-news.example')
    expect(await frostRow.locator('.row-outlet').textContent()).toBe('Marta Quinn')
    expect(await page.locator('.article-list').textContent()).not.toMatch(/\.md\b/)

    // Search hits follow the same rule.
    await page.locator('#search-input').fill('ferry')
    const hit = page.locator('#search-hits [role="option"]', { hasText: 'Ferry service resumes' })
    await hit.waitFor()
    expect(await hit.locator('.row-outlet').textContent()).toBe('lower-river-news.example')
    await hit.click()

    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: 'Ferry service resumes on the lower river' }).waitFor()
    const meta = (await reader.locator('.reader-meta').textContent())!
    expect(meta).toMatch(/^lower-river-news\.example · 6 May 2024 · English \(en\) · /)

    await selectInReader(page, 'The ferry between the two banks of the lower river resumed service on Monday')
    await page.getByRole('dialog', { name: 'Cite selection' }).getByRole('button', { name: 'Cite → new event' }).click()
    const chronology = page.getByRole('region', { name: 'Chronology' })
    const editor = chronology.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()
    await editor.getByLabel('Title').fill('Lower river ferry resumes')
    await editor.getByRole('button', { name: 'Save' }).click()
    await editor.waitFor({ state: 'detached' })
    const source = chronology.locator('.citation-source').first()
    await source.waitFor()
    expect(await source.textContent()).toMatch(/^lower-river-news\.example, 6 May 2024/)

    await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export chronology' })
    await dialog.getByLabel('Format').selectOption('md')
    await page.waitForFunction(() => document.querySelector('[data-testid="export-preview"]')?.textContent?.includes('Lower river ferry'))
    const md = (await dialog.getByTestId('export-preview').textContent())!
    expect(md).toContain('lower-river-news.example, “Ferry service resumes on the lower river”')
    expect(md).not.toContain('ferry-notes.md')
    expect(wb.pageErrors).toEqual([])
  })
})
