import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeMixedFolder } from './corpus'
import { ROOT, dropFiles, dropFilesFrom, openWorkbench, screenshotOnFailure, type Workbench } from './support'

describe('cancelling an import', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench()
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('stops between files, keeps what was stored and says so', async () => {
    screenshotOnFailure(wb, 'import-cancel')
    const { page } = wb
    const files = writeMixedFolder(join(wb.dir, 'many'), 300).filter((f) => f.endsWith('.txt') && !/empty|blank|binary/.test(f))
    await dropFiles(page, dropFilesFrom(files))
    const progress = page.getByTestId('import-progress')
    await progress.waitFor()
    await progress.getByRole('button', { name: 'Cancel' }).click()
    const summary = page.getByTestId('import-summary')
    await summary.waitFor({ timeout: 60_000 })
    expect(await summary.textContent()).toContain('Import cancelled')
    const added = Number(/^(\d+) articles? added/.exec((await summary.locator('.summary-line').textContent())!)![1])
    expect(added).toBeLessThan(300)
    await page.getByRole('heading', { name: new RegExp(`Library\\s*${added}$`) }).waitFor()
    expect(await wb.backend.api.getArchiveInfo({})).toMatchObject({ articleCount: added })
  })

  it('shows an import this window did not start and refreshes the Library when it ends', async () => {
    const { page } = wb
    const before = (await wb.backend.api.getArchiveInfo({})).articleCount
    await wb.backend.api.importFiles({ paths: [join(ROOT, 'resources/sample/articles')] })
    await page.getByRole('heading', { name: new RegExp(`Library\\s*${before + 12}$`) }).waitFor()
  })
})
