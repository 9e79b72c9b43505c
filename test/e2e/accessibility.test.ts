import { copyFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { axeViolations, docsScreenshotPath, openWorkbench, screenshotOnFailure, selectInReader, withSample, type Workbench } from './support'

/**
 * Opens every view in turn (Library, Reader, proposals, Cite popover, event detail and editor,
 * Timeline, search with facets, a fruitless search, syntax help, archive menu, Export, shortcuts)
 * and returns the serious or critical axe findings of each, keyed by view.
 */
async function everyViewViolations(page: Page): Promise<Record<string, unknown[]>> {
  const found: Record<string, unknown[]> = {}
  const check = async (view: string): Promise<void> => {
    const v = await axeViolations(page)
    if (v.length) found[view] = v
  }
  const reader = page.getByRole('region', { name: 'Reader' })
  const chronology = page.getByRole('region', { name: 'Chronology' })
  await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
  await check('library and welcome')
  await page.getByRole('option', { name: /Authority says it has taken the Anjir pass/ }).click()
  await reader.getByRole('heading', { name: /Anjir pass/ }).waitFor()
  await reader.getByText('Proposed events').click()
  await check('reader with proposals')
  await selectInReader(page, 'its forces had captured the Anjir pass')
  await page.getByRole('dialog', { name: 'Cite selection' }).waitFor()
  await check('cite popover')
  await page.keyboard.press('Escape')
  await chronology.locator('.event-row').first().click()
  await chronology.getByRole('button', { name: 'Edit (E)' }).waitFor()
  await check('event detail')
  await chronology.getByRole('button', { name: 'Edit (E)' }).click()
  await chronology.getByRole('form', { name: /Edit event/ }).waitFor()
  await check('event editor')
  await page.keyboard.press('Escape')
  await chronology.getByRole('button', { name: 'Filter' }).click()
  await chronology.getByRole('button', { name: /Timeline/ }).click()
  await chronology.locator('.timeline-canvas-box canvas').waitFor()
  await check('timeline and filters')
  await page.locator('#search-input').fill('anjir')
  await page.locator('#search-hits[data-answered="anjir"] [role="option"]').first().waitFor()
  await check('search results and facets')
  await page.locator('#search-input').fill('zqxwv')
  await page.getByTestId('no-results').waitFor()
  await page.getByRole('button', { name: 'Search syntax help' }).click()
  await page.getByRole('dialog', { name: 'Search syntax' }).waitFor()
  await check('no results and syntax help')
  await page.getByRole('button', { name: 'Close search syntax' }).click()
  await page.getByRole('banner').locator('.archive-name').click()
  await check('archive menu')
  await page.getByRole('banner').locator('.archive-name').click()
  await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
  await page.getByRole('dialog', { name: 'Export chronology' }).waitFor()
  await check('export dialog')
  await page.getByRole('button', { name: 'Close export' }).click()
  await page.locator('body').click({ position: { x: 700, y: 5 } })
  await page.keyboard.press('?')
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
  await check('shortcuts overlay')
  await page.keyboard.press('Escape')
  return found
}

describe('accessibility: themes, zoom, keyboard', () => {
  let wb: Workbench | undefined

  afterEach(async (ctx) => {
    // Closing happens before onTestFailed hooks run, so failures are captured here.
    if (ctx.task.result?.state === 'fail') await wb?.screenshot(`a11y-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}-FAILED`).catch(() => undefined)
    await wb?.close()
    wb = undefined
  })

  it('follows a dark OS theme and passes axe, shortcuts overlay included', async () => {
    wb = await openWorkbench({ setup: withSample, colorScheme: 'dark' })
    screenshotOnFailure(wb, 'a11y-dark')
    const { page } = wb
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
    await page.getByRole('option', { name: /Authority says it has taken the Anjir pass/ }).click()
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Anjir pass/ }).waitFor()
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    const [r, g, b] = bg.match(/\d+/g)!.map(Number)
    expect(r! + g! + b!).toBeLessThan(150)
    await page.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()
    await page.getByRole('region', { name: 'Chronology' }).locator('.event-row').first().click()
    copyFileSync(await wb.screenshot('a11y-dark'), docsScreenshotPath('dark'))
    expect(await axeViolations(page), 'dark main view').toEqual([])

    await page.locator('body').click({ position: { x: 700, y: 5 } })
    await page.keyboard.press('?')
    const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await overlay.waitFor()
    expect(await overlay.getByRole('row').count()).toBeGreaterThan(8)
    await wb.screenshot('a11y-shortcuts')
    expect(await axeViolations(page), 'shortcuts overlay').toEqual([])
    await page.keyboard.press('Escape')
    await overlay.waitFor({ state: 'detached' })
  })

  for (const theme of ['light', 'dark'] as const) {
    it(`reports no serious or critical axe issue on any view in the ${theme} theme chosen in the app`, async () => {
      // The OS says the opposite, so the in-app choice is what is tested.
      wb = await openWorkbench({ setup: withSample, colorScheme: theme === 'dark' ? 'light' : 'dark' })
      screenshotOnFailure(wb, `a11y-views-${theme}`)
      const { page } = wb
      await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click()
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(theme)
      expect(await everyViewViolations(page)).toEqual({})
      expect(wb.pageErrors).toEqual([])
    })
  }

  it('stays readable at 200% zoom: panes stack, nothing scrolls sideways', async () => {
    wb = await openWorkbench({ setup: withSample, viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 })
    screenshotOnFailure(wb, 'a11y-zoom')
    const { page } = wb
    await page.getByRole('option', { name: /Authority says it has taken the Anjir pass/ }).click()
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Anjir pass/ }).waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.reader-body')!).fontSize))
    expect(fontPx).toBeGreaterThanOrEqual(15)
    const widths = await page.evaluate(() => Array.from(document.querySelectorAll('.split > .pane')).map((p) => p.getBoundingClientRect().width))
    for (const w of widths) expect(w).toBeGreaterThan(600)
    copyFileSync(await wb.screenshot('a11y-zoom-200'), docsScreenshotPath('zoom-200'))
    expect(await axeViolations(page), 'zoomed view').toEqual([])
  })

  it('reaches every part by keyboard and drives search, reading and the chronology without a mouse', async () => {
    wb = await openWorkbench({ setup: withSample })
    screenshotOnFailure(wb, 'a11y-keyboard')
    const { page } = wb
    await page.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()

    const reached = new Set<string>()
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab')
      const label = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el) return ''
        const name = el.getAttribute('aria-label') ?? el.id ?? ''
        return `${el.tagName.toLowerCase()}|${el.getAttribute('role') ?? el.getAttribute('type') ?? ''}|${name || (el.textContent ?? '').trim().slice(0, 30)}`
      })
      reached.add(label)
    }
    const all = [...reached].join('\n')
    for (const want of [/input\|search\|search-input/, /input\|checkbox\|/, /Search syntax help/, /listbox\|Articles/, /Sort articles by/, /separator\|Resize Library and Reader/, /separator\|Resize Reader and Chronology/, /Chronology shown/, /button\|button\|List/, /button\|button\|Timeline/, /button\|button\|event-\d+/, /Import files/, /Export…/, /Keyboard shortcuts/]) {
      expect(all, `${want} reachable by Tab`).toMatch(want)
    }

    // Search, move through hits and open one, all from the keyboard; Ctrl+K works even from a
    // chronology row, where a bare K moves up.
    await page.getByRole('region', { name: 'Chronology' }).locator('.event-row').nth(1).focus()
    await page.keyboard.press('Control+k')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input')
    await page.keyboard.type('anjir pass')
    // Wait for the answer to the whole query: the list shows earlier answers while typing ("an"…).
    await page.locator('#search-hits[data-answered="anjir pass"] [role="option"]').first().waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.locator('mark.hit').first().waitFor()
    const title = await reader.locator('#reader-title').textContent()
    expect(title).toBeTruthy()
    await page.keyboard.press('F3')
    // A splitter moves with the arrow keys and remembers its size.
    const sep = page.getByRole('separator', { name: 'Resize Library and Reader' })
    const before = Number(await sep.getAttribute('aria-valuenow'))
    await sep.focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    expect(Number(await sep.getAttribute('aria-valuenow'))).toBeGreaterThan(before)
    // Chronology rows: arrows move, E edits, Escape cancels.
    const first = page.getByRole('region', { name: 'Chronology' }).locator('.event-row').first()
    await first.focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('e')
    const editor = page.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('id'))).toMatch(/-title$/)
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
    expect(await axeViolations(page)).toEqual([])
  })
})
