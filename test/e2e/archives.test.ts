import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, openWorkbench, screenshotOnFailure, withSample, type Workbench } from './support'

describe('switching archives from the top bar', () => {
  let wb: Workbench

  beforeAll(async () => {
    wb = await openWorkbench({ setup: withSample, allowTempDir: true })
  })
  afterAll(async () => {
    await wb?.close()
  })

  it('creates and opens another archive, then goes back through the recent list', async () => {
    screenshotOnFailure(wb, 'archives')
    const { page } = wb
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
    const other = join(wb.dir, 'second-archive')
    await page.getByRole('button', { name: /^archive$/ }).click()
    await page.getByRole('button', { name: 'Open or create another archive…' }).click()
    await page.getByLabel('Folder of the archive to open (created if new)').fill(other)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await page.getByRole('button', { name: /^second-archive$/ }).waitFor()
    await page.getByRole('heading', { name: /Library\s*0/ }).waitFor()
    await page.getByRole('heading', { name: /Chronology\s*0/ }).waitFor()

    await page.getByRole('button', { name: /^second-archive$/ }).click()
    const recent = page.getByRole('list', { name: 'Recent archives' })
    await recent.waitFor()
    await wb.screenshot('archives-menu')
    expect(await axeViolations(page)).toEqual([])
    await recent.getByRole('button', { name: 'archive', exact: true }).click()
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
    await page.getByRole('heading', { name: /Chronology\s*6/ }).waitFor()
  })

  it('refuses a folder the server was not given, saying how to grant it, and creates nothing there', async () => {
    screenshotOnFailure(wb, 'archives-refused')
    const { page } = wb
    const elsewhere = join(tmpdir(), `annalist-not-granted-${process.pid}`)
    await page.getByRole('button', { name: /^archive$/ }).click()
    await page.getByRole('button', { name: 'Open or create another archive…' }).click()
    await page.getByLabel('Folder of the archive to open (created if new)').fill(elsewhere)
    await page.getByRole('button', { name: 'Open', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: 'annalist serve --allow' }).waitFor()
    expect(existsSync(elsewhere)).toBe(false)
    await page.getByRole('heading', { name: /Library\s*12/ }).waitFor()
  })
})
