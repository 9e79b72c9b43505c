import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, openSampleWorkbench, screenshotOnFailure, type Workbench } from './support'

describe('Article tags: tag a selection, see the chips, search by tag, edit in the Reader', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openSampleWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('tags two selected articles from the keyboard and finds exactly them with tag:', async () => {
    screenshotOnFailure(wb, 'article-tags')
    const { page } = wb
    const { items } = await wb.backend.api.listArticles({ limit: 3, sort: 'imported', order: 'desc' })
    const [first, second, third] = items
    const library = page.getByRole('listbox', { name: 'Articles' })
    const rowOf = (id: number) => page.locator(`#article-row-${id}`)

    // Open the first row, then select it and the next one with Space, as a keyboard user would.
    await rowOf(first!.id).click()
    await library.focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Space')
    const bar = page.getByRole('status').filter({ hasText: '2 selected' })
    await bar.waitFor()

    await bar.getByRole('button', { name: 'Tag…' }).press('Enter')
    const form = page.getByRole('form', { name: 'Tag 2 articles' })
    const name = form.getByLabel('Tag name')
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.type('  Ridge Fighting ')
    await page.keyboard.press('Enter')
    await form.waitFor({ state: 'detached' })
    await bar.getByText('Tagged 2 of 2 articles “Ridge Fighting”.').waitFor()

    await rowOf(first!.id).locator('.badge-tag', { hasText: 'Ridge Fighting' }).waitFor()
    await rowOf(second!.id).locator('.badge-tag', { hasText: 'Ridge Fighting' }).waitFor()
    expect(await rowOf(third!.id).locator('.badge-tag').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await wb.screenshot('article-tags-library')

    // A row's chip runs the tag search; the hits are exactly the two tagged articles.
    await rowOf(second!.id).locator('.badge-tag', { hasText: 'Ridge Fighting' }).click()
    expect(await page.locator('#search-input').inputValue()).toBe('tag:"Ridge Fighting"')
    const hits = page.getByRole('listbox', { name: 'Search results' }).getByRole('option')
    await page.getByRole('heading', { name: /^2 results/ }).waitFor()
    expect((await hits.locator('.row-title').allTextContents()).sort()).toEqual([first!.title, second!.title].sort())
    expect(await axeViolations(page)).toEqual([])
    await wb.screenshot('article-tags-search')
  })

  it('edits an article’s tags in the Reader with autocomplete, and its chips search', async () => {
    const { page } = wb
    const { items } = await wb.backend.api.listArticles({ limit: 3, sort: 'imported', order: 'desc' })
    const third = items[2]!
    await page.locator('#search-input').fill('')
    await page.locator(`#article-row-${third.id}`).click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: third.title }).waitFor()

    await reader.getByRole('button', { name: 'Edit details' }).click()
    const form = reader.getByRole('form', { name: 'Article details' })
    const tags = form.getByLabel('Tags')
    await tags.fill('ridge')
    // The datalist offers the tag already used on two articles, completed in its stored spelling.
    const offered = form.locator(`datalist#article-${third.id}-tags-names option`)
    await expect.poll(() => offered.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['Ridge Fighting'])
    await tags.fill('Ridge Fighting, winter')
    await form.getByRole('button', { name: 'Save details' }).click()
    await form.waitFor({ state: 'detached' })

    const chips = reader.getByRole('list', { name: 'Tags' })
    await chips.getByRole('button', { name: /^winter: show articles/ }).waitFor()
    expect(await chips.getByRole('button').allTextContents()).toEqual(['Ridge Fighting', 'winter'])
    expect(await axeViolations(page)).toEqual([])
    await wb.screenshot('article-tags-reader')

    await chips.getByRole('button', { name: /^Ridge Fighting: show articles/ }).focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /^3 results/ }).waitFor()
    expect(await page.locator('#search-input').inputValue()).toBe('tag:"Ridge Fighting"')

  })

  it('removes a tag from a selection, and Ctrl+Z puts it back', async () => {
    const { page } = wb
    const { items } = await wb.backend.api.listArticles({ limit: 3, sort: 'imported', order: 'desc' })
    const [first, second] = items
    const rowOf = (id: number) => page.locator(`#article-row-${id}`)
    await page.locator('#search-input').fill('')
    await rowOf(first!.id).click({ modifiers: ['Control'] })
    await rowOf(second!.id).click({ modifiers: ['Control'] })
    const bar = page.getByRole('status').filter({ hasText: '2 selected' })
    await bar.getByRole('button', { name: 'Tag…' }).click()
    const form = page.getByRole('form', { name: 'Tag 2 articles' })
    await form.getByLabel('Tag name').fill('ridge fighting')
    await form.getByRole('button', { name: 'Remove' }).click()
    await bar.getByText('Removed “ridge fighting” from 2 of 2 articles.').waitFor()
    await expect.poll(() => rowOf(first!.id).locator('.badge-tag').count()).toBe(0)
    expect(await rowOf(second!.id).locator('.badge-tag').count()).toBe(0)

    await page.getByRole('listbox', { name: 'Articles' }).focus()
    await page.keyboard.press('Control+z')
    await rowOf(first!.id).locator('.badge-tag', { hasText: 'Ridge Fighting' }).waitFor()
    await rowOf(second!.id).locator('.badge-tag', { hasText: 'Ridge Fighting' }).waitFor()

    expect(wb.pageErrors).toEqual([])
    expect(wb.foreignRequests).toEqual([])
  })
})
