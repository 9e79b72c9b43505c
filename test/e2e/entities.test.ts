import { copyFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Archive } from '../../src/main/archive/archive'
import { articleIdsFrom, articleTexts } from '../../src/main/archive/repo/entity-writes'
import type { FoundMention } from '../../src/main/entities/group'
import { storeArticleMentions } from '../../src/main/entities/store'
import { runImport } from '../../src/main/import/pipeline'
import { axeViolations, docsScreenshotPath, openWorkbench, ROOT, screenshotOnFailure, selectInReader, type Workbench } from './support'

const DIR = join(ROOT, 'test/fixtures/entities')

/** Where the fixtures' places are, as the shipped gazetteer would say (one id whatever the script or case). */
const ODESA = { lat: 46.48, lon: 30.73, country: 'UA', geonameId: 698740 }
const LISBON = { lat: 38.72, lon: -9.14, country: 'PT', geonameId: 2267057 }

/** The names in the fixtures, as extraction finds them: a person in Latin and Cyrillic, a place in three spellings. */
const NAMES: { text: string; kind: FoundMention['kind']; place?: typeof ODESA }[] = [
  { text: 'Oleg Petrenko', kind: 'person' },
  { text: 'Олег Петренко', kind: 'person' },
  { text: 'Petrenko', kind: 'person' },
  { text: 'Mira Sand', kind: 'person' },
  { text: 'Harbour Authority', kind: 'org' },
  { text: 'Управление порта', kind: 'org' },
  { text: 'Odesa', kind: 'place', place: ODESA },
  { text: 'Odessa', kind: 'place', place: ODESA },
  { text: 'Одессе', kind: 'place', place: ODESA },
  { text: 'Lisbon', kind: 'place', place: LISBON }
]

/** Every whole-word occurrence of the names in `text`, longest name first where two overlap. */
function mentionsIn(text: string): FoundMention[] {
  const found: FoundMention[] = []
  const taken = (s: number, e: number): boolean => found.some((m) => m.start < e && s < m.end)
  for (const n of [...NAMES].sort((a, b) => b.text.length - a.text.length)) {
    for (let at = text.indexOf(n.text); at >= 0; at = text.indexOf(n.text, at + 1)) {
      const end = at + n.text.length
      if (/\p{L}/u.test(text[at - 1] ?? '') || /\p{L}/u.test(text[end] ?? '') || taken(at, end)) continue
      const place = n.place ? { lat: n.place.lat, lon: n.place.lon, country: n.place.country, geonameId: n.place.geonameId } : null
      found.push({ start: at, end, text: n.text, kind: n.kind, canonical: n.place ? 'Odesa' : null, place })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

/** The fixtures imported as the app imports them. */
async function importFixtures(archive: Archive): Promise<void> {
  await runImport(
    archive,
    readdirSync(DIR).map((f) => ({ kind: 'path' as const, path: join(DIR, f) }))
  )
}

/** Imports the fixtures, then stores their mentions through the backend's own store, as extraction does: the journeys stay pinned whatever the extractor's rules find. */
async function seed(archive: Archive): Promise<void> {
  await importFixtures(archive)
  const db = archive.db
  db.transaction(() => {
    for (const a of articleTexts(db, articleIdsFrom(db, 0, 100))) storeArticleMentions(db, a.id, mentionsIn(a.text))
  })()
}

const leftPane = (page: Page) => page.locator('.left-pane')

describe('journey: entities from a Reader mention to the map', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench({ setup: seed })
  })
  afterEach(() => {
    expect(wb.pageErrors).toEqual([])
    expect(wb.foreignRequests).toEqual([])
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('opens an entity from a Reader mention and shows its spellings in every script', async () => {
    screenshotOnFailure(wb, 'entities-mention')
    const { page } = wb
    await page.getByRole('heading', { name: /Library\s*3/ }).waitFor()
    await page.getByText('Harbour chief promises dock wages in Odesa').click()
    const reader = page.getByRole('region', { name: 'Reader' })
    await reader.getByRole('heading', { name: 'Harbour chief promises dock wages in Odesa' }).waitFor()
    // The surname alone, marked as the person it names.
    const surname = reader.locator('.mention-person', { hasText: /^Petrenko$/ })
    await surname.click()

    const entity = leftPane(page)
    await entity.getByRole('heading', { name: 'Oleg Petrenko' }).waitFor()
    const aliases = await entity.getByLabel('Spellings').locator('.alias').allTextContents()
    expect(aliases).toEqual(expect.arrayContaining(['Oleg Petrenko', 'Олег Петренко', 'Petrenko']))
    expect(await entity.locator('.entity-passages li').count()).toBe(4)
    await entity.locator('.entity-passages mark', { hasText: 'Олег Петренко' }).waitFor()
    await entity.getByText('In no event yet').waitFor()
    // Appears with: the organisation and the place, in the graph and its list.
    await entity.locator('.entity-graph [role="button"][aria-label^="Harbour Authority"]').waitFor()
    copyFileSync(await wb.screenshot('entity-page'), docsScreenshotPath('entity'))
    expect(await axeViolations(page), 'entity page').toEqual([])

    // A passage opens the Reader there with the name selected, ready to cite.
    await entity.locator('.passage-button', { hasText: 'Олег Петренко' }).click()
    await reader.getByRole('heading', { name: 'Забастовка в порту продолжается' }).waitFor()
    await page.waitForFunction(() => window.getSelection()?.toString() === 'Олег Петренко')
    await entity.locator('.passage-button', { hasText: 'promised that' }).click()
    await reader.getByRole('heading', { name: 'Harbour chief promises dock wages in Odesa' }).waitFor()
    await page.waitForFunction(() => window.getSelection()?.toString() === 'Petrenko')
  })

  it('offers the cited passage’s people and organisations on a new event, accepted with one click each', async () => {
    screenshotOnFailure(wb, 'entities-actors')
    const { page } = wb
    await selectInReader(page, 'Petrenko promised that the Harbour Authority would settle the arrears by summer.')
    await page.getByRole('dialog', { name: 'Cite selection' }).getByRole('button', { name: 'Cite → new event' }).click()
    const editor = page.getByRole('form', { name: /Edit event/ })
    await editor.waitFor()
    await editor.getByRole('button', { name: 'Add Oleg Petrenko' }).click()
    await editor.getByRole('button', { name: 'Add Harbour Authority' }).click()
    expect(await editor.getByLabel('People').inputValue()).toBe('Oleg Petrenko')
    expect(await editor.getByLabel('Organisations').inputValue()).toBe('Harbour Authority')
    // Accepted, a suggestion is no longer offered.
    expect(await editor.getByRole('button', { name: 'Add Oleg Petrenko' }).count()).toBe(0)
    await editor.getByRole('button', { name: 'Save' }).click()
    await editor.waitFor({ state: 'detached' })
    const chronology = page.getByRole('region', { name: 'Chronology' })
    await chronology.locator('.badge-org', { hasText: 'Harbour Authority' }).waitFor()

    // The entity page open beside it now lists the event.
    await leftPane(page).locator('.entity-events').getByRole('button', { name: /Petrenko promised/ }).waitFor()
  })

  it('lists entities by kind and filters the map by a date range', async () => {
    screenshotOnFailure(wb, 'entities-map')
    const { page } = wb
    const pane = leftPane(page)
    await pane.getByRole('button', { name: 'All entities' }).click()
    await pane.getByRole('listbox', { name: 'Entities' }).waitFor()
    await pane.getByRole('group', { name: 'Kind' }).getByRole('button', { name: 'Places' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.entity-row').length === 2)
    await pane.getByRole('group', { name: 'Kind' }).getByRole('button', { name: 'All' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.entity-row').length >= 6)
    copyFileSync(await wb.screenshot('entities-list'), docsScreenshotPath('entities'))
    expect(await axeViolations(page), 'entities view').toEqual([])

    // Search: a person facet filters by the entity, so the Cyrillic article matches too.
    await pane.getByRole('group', { name: 'Show in this pane' }).getByRole('button', { name: 'Articles' }).click()
    await page.getByLabel('Search the archive').fill('wages')
    await page.getByRole('group', { name: 'People' }).getByRole('button', { name: /^Oleg Petrenko/ }).click()
    await page.waitForFunction(() => (document.getElementById('search-input') as HTMLInputElement).value === 'wages person:"Oleg Petrenko"')
    await page.getByLabel('Search the archive').fill('person:"Oleg Petrenko"')
    await page.getByText(/^3 results$/).waitFor()
    await page.locator('.hits').getByText('Забастовка в порту продолжается').waitFor()

    await pane.getByRole('group', { name: 'Show in this pane' }).getByRole('button', { name: 'Map' }).click()
    const map = pane.locator('.map-view')
    await page.waitForFunction(() => document.querySelectorAll('.map-dot').length === 2)
    expect(await map.locator('[data-testid="map-place"]').allTextContents()).toEqual([expect.stringMatching(/^Odesa 3 articles/), expect.stringMatching(/^Lisbon 1 article/)])
    copyFileSync(await wb.screenshot('map'), docsScreenshotPath('map'))
    expect(await axeViolations(page), 'map').toEqual([])

    await map.getByLabel('From', { exact: true }).fill('2024-06-01')
    await page.waitForFunction(() => document.querySelectorAll('.map-dot').length === 1)
    expect(await map.locator('[data-testid="map-place"]').allTextContents()).toEqual([expect.stringMatching(/^Odesa 2 articles/)])
    await map.getByLabel('To', { exact: true }).fill('2024-06-30')
    await page.waitForFunction(() => document.querySelector('[data-testid="map-place"]')?.textContent?.startsWith('Odesa 1 article'))

    // A place on the map opens its page.
    await map.locator('.map-dot').click()
    await pane.getByRole('heading', { name: 'Odesa' }).waitFor()
    expect(await pane.getByLabel('Spellings').locator('.alias').allTextContents()).toEqual(expect.arrayContaining(['Odesa', 'Odessa', 'Одессе']))
  })
})

describe('entities in the dark theme', () => {
  let wb: Workbench
  afterAll(async () => {
    await wb?.close()
  })

  it('passes axe on the entities view, an entity page and the map', async () => {
    wb = await openWorkbench({ setup: seed, colorScheme: 'dark' })
    screenshotOnFailure(wb, 'entities-dark')
    const { page } = wb
    const pane = leftPane(page)
    await page.getByRole('heading', { name: /Library\s*3/ }).waitFor()
    await pane.getByRole('group', { name: 'Show in this pane' }).getByRole('button', { name: 'Entities' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.entity-row').length >= 6)
    expect(await axeViolations(page), 'dark entities view').toEqual([])
    await pane.locator('.entity-row', { hasText: 'Oleg Petrenko' }).click()
    await pane.getByRole('heading', { name: 'Oleg Petrenko' }).waitFor()
    expect(await axeViolations(page), 'dark entity page').toEqual([])
    // A correction is one Undo of the chronology's own.
    await pane.getByRole('button', { name: 'Rename' }).click()
    await pane.getByLabel('New name for Oleg Petrenko').fill('Oleh Petrenko')
    await pane.getByLabel('New name for Oleg Petrenko').press('Enter')
    await pane.getByRole('heading', { name: 'Oleh Petrenko' }).waitFor()
    await page.getByRole('region', { name: 'Chronology' }).getByRole('button', { name: 'Undo' }).click()
    await pane.getByRole('heading', { name: 'Oleg Petrenko' }).waitFor()
    await pane.getByRole('group', { name: 'Show in this pane' }).getByRole('button', { name: 'Map' }).click()
    await page.waitForFunction(() => document.querySelectorAll('.map-dot').length === 2)
    expect(await axeViolations(page), 'dark map').toEqual([])
    expect(wb.pageErrors).toEqual([])
  })
})

describe('names found by an earlier version', () => {
  let wb: Workbench
  afterAll(async () => {
    await wb?.close()
  })

  it('are offered to be found again in the Entities pane, and the offer goes once they are', async () => {
    wb = await openWorkbench({
      setup: async (archive) => {
        await importFixtures(archive)
        // As an update to the rules leaves an archive: every article read by the rules before.
        archive.db.prepare('INSERT INTO entity_stale (article_id) SELECT id FROM article_store').run()
      }
    })
    screenshotOnFailure(wb, 'entities-stale')
    const { page } = wb
    const pane = leftPane(page)
    await page.getByRole('heading', { name: /Library\s*3/ }).waitFor()
    await pane.getByRole('group', { name: 'Show in this pane' }).getByRole('button', { name: 'Entities' }).click()
    const offer = pane.getByTestId('stale-names')
    await offer.getByText('Names in 3 articles were found by an earlier version of Annalist').waitFor()
    expect(await axeViolations(page), 'entities view with the offer').toEqual([])
    await offer.getByRole('button', { name: 'Find names again' }).click()
    await offer.waitFor({ state: 'detached' })
    await page.waitForFunction(() => document.querySelectorAll('.entity-row').length > 0)
    expect(wb.pageErrors).toEqual([])
  })
})
