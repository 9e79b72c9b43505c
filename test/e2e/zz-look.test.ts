import { it } from 'vitest'
import { join } from 'node:path'
import { ensureSampleArchive } from '../../src/main/firstrun'
import { ROOT, openWorkbench } from './support'
it('look', async () => {
  const wb = await openWorkbench({ setup: async (a) => { await ensureSampleArchive(a, join(ROOT, 'resources')) } })
  const { page } = wb
  await page.getByRole('checkbox', { name: 'Fuzzy' }).check()
  await page.locator('#search-input').fill('karimov')
  await page.getByTestId('also-matched').waitFor({ timeout: 5000 }).catch(() => undefined)
  await page.locator('.hit-row').first().click()
  await page.waitForTimeout(500)
  await wb.screenshot('look-search')
  console.log(wb.pageErrors)
  await wb.close()
})
