import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { methodPath } from '../../src/shared/http-api'
import { openSampleWorkbench, screenshotOnFailure, selectInReader, type Workbench } from './support'

const activeId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '')
const activeText = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
const selected = (page: Page): Promise<string> => page.evaluate(() => window.getSelection()?.toString() ?? '')
const drawn = (page: Page): Promise<string[]> =>
  page.evaluate(() => (document.querySelector('[data-testid="timeline-canvas"]')?.getAttribute('data-drawn') ?? '').split(' ').filter(Boolean))

/**
 * Opens the article (not opened yet: a cached one asks for nothing) and waits for its marks. The
 * names and citations arrive after the text and split its words into new elements, which can move
 * a selection made meanwhile: CI once read "A convoy" after three words were selected, the names'
 * call answering slowly just before.
 */
async function openConvoyArticle(page: Page): Promise<void> {
  const marks = ['articleMentions', 'listArticleCitations'].map((method) => page.waitForResponse((r) => new URL(r.url()).pathname === methodPath(method)))
  await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: /Aid convoy turned back at Koram checkpoint/ }).click()
  await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: 'Aid convoy turned back at Koram checkpoint' }).waitFor()
  await Promise.all(marks)
  await page.locator('.reader-scroll .mention').first().waitFor()
  await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted))))
}

describe('workbench keys: keyboard selection, suggested titles, a timeline that keeps events in view, focus after actions', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openSampleWorkbench()
  })
  afterEach(() => {
    expect(wb.pageErrors).toEqual([])
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('selects by word and to the paragraph end from the keyboard, opens the popover with C and cites exactly the selection', async () => {
    screenshotOnFailure(wb, 'keys-select')
    const { page } = wb
    await openConvoyArticle(page)
    const scroll = page.locator('.reader-scroll')
    await scroll.focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight')
    expect(await selected(page)).toBe('A convoy of')
    await page.keyboard.press('Shift+ArrowLeft')
    expect(await selected(page)).toBe('A convoy')
    expect(await page.locator('.reader-scroll > [aria-live]').textContent()).toBe('Selected 2 words: A convoy. Press C to cite.')

    await page.keyboard.press('Control+ArrowDown')
    expect(await selected(page)).toBe('')
    await page.locator('.reader-caret').waitFor()
    await page.keyboard.press('Shift+End')
    const second = (await page.locator('#para-2 .ptext').textContent())!
    expect(await selected(page)).toBe(second)

    await page.keyboard.press('c')
    const popover = page.getByRole('dialog', { name: 'Cite selection' })
    await popover.waitFor()
    expect(await activeText(page)).toBe('Cite → new event')
    await page.keyboard.press('Escape')
    await popover.waitFor({ state: 'detached' })
    await page.waitForFunction(() => document.activeElement?.classList.contains('reader-scroll'))

    await page.keyboard.press('Control+ArrowUp')
    await page.keyboard.press('Control+ArrowDown')
    await page.keyboard.press('Shift+End')
    await page.keyboard.press('c')
    await page.keyboard.press('Enter')
    const editor = page.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
    const chronology = page.getByRole('region', { name: 'Chronology' })
    expect(await chronology.locator('.event-detail .quote-button').textContent()).toBe(`“${second}”`)
  })

  it('suggests a title cut at a word without an ellipsis, selected in the editor, and shows the title a proposal will get', async () => {
    screenshotOnFailure(wb, 'keys-titles')
    const { page } = wb
    const passage = (await page.locator('#para-1 .ptext').textContent())!
    expect(passage.length).toBeGreaterThan(80)
    await selectInReader(page, passage)
    await page.getByRole('dialog', { name: 'Cite selection' }).getByRole('button', { name: 'Cite → new event' }).click()
    const editor = page.getByRole('form', { name: /Edit event/ })
    const title = editor.getByLabel('Title')
    await title.waitFor()
    expect(await title.inputValue()).toBe('A convoy of eleven trucks was turned back at an Authority checkpoint')
    expect(await title.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd, el.value.length])).toEqual([0, 68, 68])
    await editor.getByText('Suggested from the passage').waitFor()
    await page.keyboard.press('Enter')
    await editor.waitFor({ state: 'detached' })

    const proposals = page.locator('details.proposals')
    await proposals.locator('summary').click()
    const first = proposals.locator('.proposal').first()
    await first.getByText('Title on accept:').waitFor()
    const shown = (await first.locator('.proposal-title').textContent())!.replace('Title on accept: ', '')
    expect(shown).not.toContain('…')
    await first.getByRole('button', { name: 'Accept' }).click()
    const chronology = page.getByRole('region', { name: 'Chronology' })
    await chronology.getByRole('button', { name: new RegExp(shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).first().waitFor()
    // Accepted, focus goes to the next proposal or the list's summary, never to the page.
    await page.waitForFunction(() => document.activeElement?.matches('.proposal-accept, details.proposals summary'))
  })

  it('moves from the focused event row, and gives focus back after saving, deleting and closing dialogs', async () => {
    screenshotOnFailure(wb, 'keys-focus')
    const { page } = wb
    const chronology = page.getByRole('region', { name: 'Chronology' })
    const rows = chronology.locator('.event-row')
    const ids = await rows.evaluateAll((els) => els.map((e) => e.id))
    await rows.nth(1).click()
    await rows.nth(3).focus()
    await page.keyboard.press('ArrowDown')
    expect(await activeId(page)).toBe(ids[4])
    expect(await rows.nth(4).getAttribute('aria-current')).toBe('true')

    await page.keyboard.press('e')
    const editor = page.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()
    await page.keyboard.press('Enter')
    await editor.waitFor({ state: 'detached' })
    await page.waitForFunction((id) => document.activeElement?.id === id, ids[4])

    await chronology.locator('.event-detail').getByRole('button', { name: 'Delete' }).click()
    await page.waitForFunction((id) => document.activeElement?.id === id, ids[5])
    await page.keyboard.press('Control+z')
    await chronology.locator(`#${ids[4]}`).waitFor()

    await page.getByRole('banner').getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export chronology' })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Export…')

    await rows.nth(2).focus()
    await page.keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.getByText('Reader: extend the selection by a word').waitFor()
    await page.keyboard.press('Escape')
    await help.waitFor({ state: 'detached' })
    await page.waitForFunction((id) => document.activeElement?.id === id, ids[2])

    await chronology.locator('.event-item').nth(0).dragTo(chronology.locator('.event-item').nth(1))
    const confirm = chronology.getByRole('alertdialog', { name: 'Merge events' })
    await confirm.waitFor()
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'detached' })
    await page.waitForFunction(() => document.activeElement?.classList.contains('event-row'))
  })

  it('selects a range of articles with Shift-click without selecting their text', async () => {
    const { page } = wb
    const list = page.getByRole('listbox', { name: 'Articles' })
    await list.getByRole('option').nth(0).click()
    await list.getByRole('option').nth(3).click({ modifiers: ['Shift'] })
    await page.getByText(/4 selected/).waitFor()
    expect(await selected(page)).toBe('')
  })

  it('fits the timeline to another chronology, zooms without losing the first event, and shows labels in full with disputes named', async () => {
    screenshotOnFailure(wb, 'keys-timeline')
    const { page } = wb
    const chronology = page.getByRole('region', { name: 'Chronology' })
    const firstId = (await chronology.locator('.event-row').first().getAttribute('id'))!.replace('event-', '')
    const all = await chronology.locator('.event-row').count()
    await chronology.getByRole('button', { name: 'Timeline' }).click()
    const canvas = page.getByTestId('timeline-canvas')
    await page.waitForFunction((n) => document.querySelector('[data-testid="timeline-canvas"]')?.getAttribute('data-drawn')?.split(' ').length === n, all)

    await canvas.focus()
    for (let i = 0; i < 3; i++) await page.keyboard.press('+')
    expect(await drawn(page)).toContain(firstId)

    for (let i = 0; i < 6; i++) await page.keyboard.press('+')
    expect((await drawn(page)).length).toBeLessThan(all)
    await chronology.getByLabel('Chronology shown').selectOption({ label: 'Sarband valley, Oct–Nov 2023 (6)' })
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline-canvas"]')?.getAttribute('data-drawn')?.split(' ').length === 6)

    expect(await canvas.getAttribute('aria-label')).toContain('disputed: Authority claims it has captured the Anjir pass; the council denies it')
    await canvas.focus()
    await page.keyboard.press('ArrowRight')
    const label = page.getByRole('tooltip')
    await label.waitFor()
    expect(await label.textContent()).toContain('Authority columns reach the southern mouth of the Sarband valley')
    await wb.screenshot('timeline-label-on-focus')

    // Hover: sweep the pointer along the first lane until an event's label box appears, whole.
    await chronology.getByRole('button', { name: 'Fit' }).focus()
    await label.waitFor({ state: 'detached' })
    const box = (await canvas.boundingBox())!
    let hovered = ''
    for (let x = 2; x < box.width && !hovered; x += 4) {
      await page.mouse.move(box.x + x, box.y + 45)
      hovered = (await label.count()) > 0 ? ((await label.textContent()) ?? '') : ''
    }
    expect(hovered).toMatch(/2023 Authority columns reach the southern mouth of the Sarband valley$/)
    await page.mouse.move(box.x + box.width / 2, box.y - 40)
    await chronology.getByRole('button', { name: 'List' }).click()
  })
})
