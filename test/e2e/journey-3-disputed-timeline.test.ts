import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { runImport } from '../../src/main/import/pipeline'
import { ROOT, axeViolations, docsScreenshotPath, openWorkbench, screenshotOnFailure, selectInReader, type Workbench } from './support'

const SAMPLE = join(ROOT, 'resources/sample/articles')
const FILES = ['04-meridian-authority-claims-anjir-pass.txt', '05-caspian-council-denies-losing-pass.txt', '11-meridian-valley-secured-claim.txt']

async function openArticle(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: title }).click()
  await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: title }).waitFor()
}

async function citeNew(page: Page, quote: string, title: string, date: string): Promise<void> {
  await selectInReader(page, quote)
  const popover = page.getByRole('dialog', { name: 'Cite selection' })
  await popover.getByRole('button', { name: 'Cite → new event' }).click()
  const editor = page.getByRole('form', { name: /Edit event/ })
  await editor.getByLabel('Title').fill(title)
  await editor.getByLabel('Date (EDTF)').fill(date)
  await editor.getByRole('button', { name: 'Save' }).click()
  await editor.waitFor({ state: 'detached' })
  await page.getByRole('region', { name: 'Chronology' }).getByRole('button', { name: new RegExp(title) }).waitFor()
}

describe('journey 3: a five-event chronology with a disputed event, on the timeline, edited, undone, redone', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench({
      setup: async (archive) => {
        await runImport(
          archive,
          FILES.map((f) => ({ kind: 'path' as const, path: join(SAMPLE, f) }))
        )
      }
    })
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('builds the chronology, shows the dispute on the timeline, and edits with undo and redo', async () => {
    screenshotOnFailure(wb, 'journey3')
    const { page } = wb
    const chronology = page.getByRole('region', { name: 'Chronology' })
    await page.getByRole('heading', { name: /Library\s*3/ }).waitFor()

    await openArticle(page, /Authority says it has taken the Anjir pass/)
    await citeNew(page, 'its forces had captured the Anjir pass', 'Anjir pass captured, says the Authority', '2023-10-14')
    await citeNew(page, 'Journalists have not been allowed to travel north of Koram since October 10.', 'Journalists barred north of Koram', '2023-10-10/2023-10-14')

    await openArticle(page, /Sarband council denies losing Anjir pass/)
    // The denial goes into the existing event as a contradicting citation.
    await selectInReader(page, 'its fighters had repelled an attack on the pass during the night')
    const popover = page.getByRole('dialog', { name: 'Cite selection' })
    await popover.getByRole('radio', { name: 'contradicts' }).click()
    await popover.getByRole('radio', { name: '14 October 2023 — Anjir pass captured, says the Authority' }).check()
    await popover.getByRole('button', { name: 'Add to event' }).click()
    const disputed = chronology.getByRole('button', { name: /Anjir pass captured, says the Authority/ })
    await disputed.locator('.status-disputed').waitFor()
    expect(await disputed.textContent()).toContain('2 citations')
    await citeNew(page, 'Commander Rustam Karimov had visited the positions at the pass on Saturday morning', 'Karimov visits the pass', '2023-10-14')

    await openArticle(page, /fully secured/)
    await citeNew(page, 'The Provisional Authority declared on Wednesday that the Sarband valley was "fully secured"', 'Valley declared "fully secured"', '2023-11-08')
    // The fifth event comes from a date the text gives, proposed by the app and edited before accepting.
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByText('Proposed events').click()
    const proposal = reader.locator('.proposal', { hasText: 'Telephone lines' })
    await proposal.getByRole('button', { name: 'Edit' }).click()
    await proposal.getByLabel('Title').fill('Telephone lines to the upper valley cut')
    await proposal.getByRole('button', { name: 'Accept' }).click()
    await chronology.getByRole('button', { name: /Telephone lines to the upper valley cut/ }).waitFor()
    await chronology.getByRole('heading', { name: /Chronology\s*5/ }).waitFor()
    await wb.screenshot('journey3-1-list')

    // The timeline marks the disputed event.
    await chronology.getByRole('button', { name: 'Timeline' }).click()
    const canvas = chronology.getByTestId('timeline-canvas')
    await canvas.waitFor()
    // The accessible name names the disputed event, not only how many there are.
    expect(await canvas.getAttribute('aria-label')).toMatch(/Timeline of 5 events, 1 disputed: Anjir pass captured, says the Authority\./)
    await canvas.focus()
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
    for (let i = 0; i < 5; i++) {
      const label = (await canvas.getAttribute('aria-label'))!
      if (label.includes('Selected: 14 October 2023, Anjir pass captured')) break
      await page.keyboard.press('ArrowRight')
    }
    expect(await canvas.getAttribute('aria-label')).toMatch(/Selected: 14 October 2023, Anjir pass captured, says the Authority, disputed\./)
    await chronology.getByText(/Anjir pass captured, says the Authority, disputed/).waitFor({ state: 'attached' })
    // The canvas really paints the disputed colour somewhere.
    const painted = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="timeline-canvas"]')!
      const probe = document.createElement('span')
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--contra')
      document.body.append(probe)
      const [r, g, b] = getComputedStyle(probe).color.match(/\d+/g)!.map(Number)
      probe.remove()
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      let n = 0
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r!) < 8 && Math.abs(data[i + 1]! - g!) < 8 && Math.abs(data[i + 2]! - b!) < 8) n++
      return n
    })
    expect(painted).toBeGreaterThan(20)
    copyFileSync(await wb.screenshot('journey3-2-timeline'), docsScreenshotPath('timeline'))
    expect(await axeViolations(page), 'timeline view').toEqual([])

    // Edit, undo, redo.
    await page.keyboard.press('e')
    const editor = chronology.getByRole('form', { name: /Edit event/ })
    await editor.getByLabel('Title').fill('Anjir pass: Authority claims capture, council denies')
    await editor.getByLabel('Status').selectOption('disputed')
    await editor.getByRole('button', { name: 'Save' }).click()
    await editor.waitFor({ state: 'detached' })
    await chronology.getByRole('button', { name: 'List' }).click()
    const edited = chronology.getByRole('button', { name: /Anjir pass: Authority claims capture, council denies/ })
    await edited.waitFor()
    await wb.screenshot('journey3-3-edited')

    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await chronology.getByRole('button', { name: /Anjir pass captured, says the Authority/ }).waitFor()
    expect(await edited.count()).toBe(0)
    await wb.screenshot('journey3-4-undone')

    await page.keyboard.press('Control+Shift+z')
    await edited.waitFor()
    expect(await chronology.getByRole('button', { name: /Anjir pass captured, says the Authority/ }).count()).toBe(0)
    await wb.screenshot('journey3-5-redone')
    expect(await axeViolations(page), 'chronology list').toEqual([])
    expect(wb.foreignRequests).toEqual([])
    expect(wb.pageErrors).toEqual([])
  })
})
