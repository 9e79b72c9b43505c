/**
 * Issue 16, points 11–13: labelled facets, a helpful zero-result search, an in-app theme switch
 * that persists, and layouts that hold at 1024×700 and at 200 % zoom without clipping controls.
 */
import { copyFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { NamedKind } from '../../src/shared/entities'
import { addArticleNaming } from '../main/entities/helpers'
import { axeViolations, docsScreenshotPath, openWorkbench, screenshotOnFailure, selectInReader, withSample, type Workbench } from './support'

/**
 * Every control in `scope` whose text does not fit its box: buttons whose content is wider than
 * they are or wraps to a second line, selects and inputs whose chosen option, value or
 * placeholder is wider than the room inside them, and text cut by an ellipsis.
 */
async function clippedControls(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = []
    const canvas = document.createElement('canvas').getContext('2d')!
    const textWidth = (el: Element, text: string): number => {
      const s = getComputedStyle(el)
      canvas.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`
      return canvas.measureText(text).width
    }
    const inner = (el: HTMLElement): number => {
      const s = getComputedStyle(el)
      return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)
    }
    for (const root of Array.from(document.querySelectorAll(selector))) {
      for (const el of Array.from(root.querySelectorAll<HTMLElement>('button, select, input, .row-outlet'))) {
        const box = el.getBoundingClientRect()
        if (box.width === 0 || getComputedStyle(el).visibility === 'hidden') continue
        const name = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).placeholder ?? '').trim().slice(0, 40)}"`
        if (el instanceof HTMLSelectElement) {
          const text = el.selectedOptions[0]?.text ?? ''
          // The drop-down arrow takes about 20 px of the inner width.
          if (textWidth(el, text) > inner(el) - 18) out.push(`${name} cuts "${text}"`)
        } else if (el instanceof HTMLInputElement) {
          if (el.type === 'checkbox' || el.type === 'radio' || el.type === 'file') continue
          const text = el.value || el.placeholder
          if (textWidth(el, text) > inner(el)) out.push(`${name} cuts "${text}"`)
        } else if (el.scrollWidth > el.clientWidth + 1) {
          out.push(`${name} is ${el.scrollWidth}px of content in ${el.clientWidth}px`)
        } else if (el.tagName === 'BUTTON' && !el.closest('.event-row, .hit-row, .lib-row') && el.className !== 'event-row') {
          const line = parseFloat(getComputedStyle(el).lineHeight) || 22
          if (el.clientHeight > line * 1.6 + 8) out.push(`${name} wraps (${el.clientHeight}px tall)`)
        }
      }
    }
    return out
  }, scope)
}

describe('a finished look: facets, empty search, theme switch, layouts that hold', () => {
  let wb: Workbench | undefined

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await wb?.screenshot(`look-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}-FAILED`).catch(() => undefined)
    await wb?.close()
    wb = undefined
  })

  it('labels each facet group and answers a search that finds nothing with the Fuzzy switch and the syntax help', async () => {
    wb = await openWorkbench({ setup: withSample })
    const { page } = wb
    await page.locator('#search-input').fill('pass')
    await page.locator('#search-hits[data-answered="pass"] [role="option"]').first().waitFor()
    const facets = page.locator('.facets')
    for (const label of ['Published', 'Outlet', 'Dateline', 'Language']) {
      const group = facets.getByRole('group', { name: label })
      await group.waitFor()
      expect(await group.locator('.facet-label').textContent()).toBe(label)
    }
    expect(await facets.getByRole('group', { name: 'Language' }).getByRole('button').first().textContent()).toMatch(/^English \(en\) \d+/)
    await wb.screenshot('look-facets')

    await page.locator('#search-input').fill('zqxwv')
    const none = page.getByTestId('no-results')
    await none.waitFor()
    expect(await page.locator('.results-head .pane-title').textContent()).toMatch(/^0 results/)
    await none.getByRole('button', { name: 'Turn on Fuzzy' }).click()
    expect(await page.getByRole('checkbox', { name: 'Fuzzy' }).isChecked()).toBe(true)
    await page.locator('#search-hits[data-answered="zqxwv"]').waitFor()
    await none.getByRole('button', { name: 'Search syntax' }).click()
    await page.getByRole('dialog', { name: 'Search syntax' }).waitFor()
    await wb.screenshot('look-no-results')
    expect(await axeViolations(page)).toEqual([])
    expect(wb.pageErrors).toEqual([])
  })

  it('switches between system, light and dark in the app, keeps the choice across a reload, and passes axe in both themes', async () => {
    wb = await openWorkbench({ setup: withSample, colorScheme: 'light' })
    const { page } = wb
    const scheme = (): Promise<string> => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)
    const darkBody = (): Promise<boolean> =>
      page.evaluate(() => {
        const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number)
        return r! + g! + b! < 150
      })
    const theme = page.getByRole('radiogroup', { name: 'Theme' })
    expect(await theme.getByRole('radio', { name: 'System theme' }).getAttribute('aria-checked')).toBe('true')
    expect(await darkBody()).toBe(false)

    await page.getByRole('option', { name: /Authority says it has taken the Anjir pass/ }).click()
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Anjir pass/ }).waitFor()
    await page.getByRole('region', { name: 'Chronology' }).locator('.event-row').first().click()
    expect(await axeViolations(page), 'light theme').toEqual([])

    await theme.getByRole('radio', { name: 'Dark theme' }).click()
    expect(await scheme()).toBe('dark')
    expect(await darkBody()).toBe(true)
    await wb.screenshot('look-dark-switch')
    expect(await axeViolations(page), 'dark theme').toEqual([])
    await page.getByRole('button', { name: /Timeline/ }).click()
    await page.locator('.timeline-canvas-box canvas').waitFor()
    expect(await axeViolations(page), 'dark timeline').toEqual([])

    await page.reload()
    await page.getByRole('heading', { name: 'Annalist' }).waitFor()
    expect(await scheme()).toBe('dark')
    expect(await page.getByRole('radio', { name: 'Dark theme' }).getAttribute('aria-checked')).toBe('true')

    // Arrow keys move the choice, as in any radio group.
    await page.getByRole('radio', { name: 'Dark theme' }).focus()
    await page.keyboard.press('ArrowLeft')
    expect(await scheme()).toBe('light')
    expect(await darkBody()).toBe(false)
    await page.keyboard.press('ArrowLeft')
    expect(await page.getByRole('radio', { name: 'System theme' }).getAttribute('aria-checked')).toBe('true')
    expect(wb.pageErrors).toEqual([])
  })

  it('clips no control at 1024×700, the Cite popover and the chronology selector included', async () => {
    wb = await openWorkbench({ setup: withSample, viewport: { width: 1024, height: 700 } })
    screenshotOnFailure(wb, 'look-1024')
    const { page } = wb
    await page.getByRole('option', { name: /Authority says it has taken the Anjir pass/ }).click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: /Anjir pass/ }).waitFor()
    await page.getByRole('region', { name: 'Chronology' }).locator('.event-row').first().click()
    copyFileSync(await wb.screenshot('look-1024'), docsScreenshotPath('compact-1024'))
    expect(await clippedControls(page, '.topbar, .search-head, .pane-head, .chrono-tools, .article-list')).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)

    await page.locator('#search-input').fill('anjir')
    await page.locator('#search-hits[data-answered="anjir"] [role="option"]').first().waitFor()
    expect(await clippedControls(page, '.search-pane')).toEqual([])

    // The reader marks the matches when their own call answers, re-rendering the paragraph: a
    // selection made before that is dropped with the old text (a CI run under load timed out here).
    await reader.locator('mark.hit').first().waitFor()
    await selectInReader(page, 'its forces had captured the Anjir pass')
    const popover = page.getByRole('dialog', { name: 'Cite selection' })
    await popover.waitFor()
    expect(await clippedControls(page, '.cite-popover')).toEqual([])
    expect(wb.pageErrors).toEqual([])
  })

  it('leaves the results room under a tall block of facets at 1024×700', async () => {
    // Long outlet, dateline and entity names in every group wrap to several lines; such a block
    // once took the whole pane and squeezed the result list to nothing.
    wb = await openWorkbench({ setup: withManyFacets, viewport: { width: 1024, height: 700 } })
    screenshotOnFailure(wb, 'look-tall-facets')
    const { page } = wb
    await page.locator('#search-input').fill('convoy')
    await page.locator('#search-hits[data-answered="convoy"] [role="option"]').first().waitFor()
    await page.getByRole('group', { name: 'Places named' }).waitFor()
    expect(await resultsRoom(page)).toBeGreaterThanOrEqual(80)
    await page.locator('#search-hits [role="option"]').first().click()
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Convoy report 1\b/ }).waitFor()
    expect(wb.pageErrors).toEqual([])
  })

  it('keeps the search box in view at 200 % zoom while typing a word the open article contains', async () => {
    wb = await openWorkbench({ setup: withSample, viewport: { width: 720, height: 450 }, deviceScaleFactor: 2 })
    screenshotOnFailure(wb, 'look-zoom-search')
    const { page } = wb
    await page.getByRole('option', { name: /Authority says it has taken the Anjir pass/ }).click()
    await page.getByRole('region', { name: 'Reader' }).getByRole('heading', { name: /Anjir pass/ }).waitFor()
    await page.locator('#search-input').click()
    await page.keyboard.type('pass')
    await page.locator('#search-hits[data-answered="pass"] [role="option"]').first().waitFor()
    await page.locator('.reader-body mark.hit').first().waitFor()
    // Give the Reader's scroll to the first match its frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const box = await page.locator('#search-input').boundingBox()
    const height = await page.evaluate(() => window.innerHeight)
    expect(box).not.toBeNull()
    expect(box!.y).toBeGreaterThanOrEqual(0)
    expect(box!.y + box!.height).toBeLessThanOrEqual(height)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input')
    expect(await clippedControls(page, '.topbar, .search-head')).toEqual([])
    expect(wb.pageErrors).toEqual([])
  })
})

/** Thirty reports of a convoy, each from its own outlet, dateline and month, naming people, organisations and places with long names. */
const withManyFacets: NonNullable<Parameters<typeof openWorkbench>[0]>['setup'] = (archive) => {
  const names = (kind: string, i: number): string => `${kind} ${['Abdulrahman', 'Konstantinopoulos', 'Nurmagomedova', 'Wojciechowski', 'Ramaswamy'][i % 5]} ${['al-Haddad', 'Vanderbilt', 'Oyelaran', 'Castellanos', 'Montgomery'][(i * 3) % 5]} ${i}`
  for (let i = 1; i <= 30; i++) {
    const people: [string, NamedKind][] = [[names('Colonel', i), 'person'], [names('Minister', i + 7), 'person']]
    const orgs: [string, NamedKind][] = [[`${names('Committee for', i)} Relief`, 'org']]
    const places: [string, NamedKind][] = [[`${names('Upper', i)} Valley`, 'place']]
    const all = [...people, ...orgs, ...places]
    addArticleNaming(archive, `Convoy report ${i}: ${all.map(([n]) => n).join(' met ')} near the convoy route.`, all, {
      extra: {
        title: `Convoy report ${i}`,
        outlet: `The Northern Provinces Evening Dispatch and Chronicle ${i}`,
        place: `SOUTHERN DISTRICT CAPITAL ${i}`,
        published: { edtf: `20${10 + (i % 12)}-${String(1 + (i % 12)).padStart(2, '0')}-15`, precision: 'day', provenance: 'dateline' }
      }
    })
  }
}

/** How much of the result list shows, in CSS pixels, from its top to its bottom or the window's. */
function resultsRoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const list = document.getElementById('search-hits')!.getBoundingClientRect()
    return Math.min(list.bottom, window.innerHeight) - list.top
  })
}
