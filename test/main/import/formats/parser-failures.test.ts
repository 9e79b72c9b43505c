import { describe, expect, it, vi } from 'vitest'
import { parseSourceFile } from '../../../../src/main/import/formats'

// Stands in for a bug in a parser's dependency: metadata reading throws a plain TypeError.
vi.mock('../../../../src/main/import/html/metadata', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  readMetadata: () => {
    throw new TypeError("Cannot read properties of null (reading 'tagName')")
  }
}))

describe('a parser failing outside its contract', () => {
  it('becomes a coded parse-failed whose message is a sentence naming the file', async () => {
    const bytes = new TextEncoder().encode('<html><body><p>Some text of a page.</p></body></html>')
    await expect(parseSourceFile({ name: 'page.html', bytes, mtime: null })).rejects.toMatchObject({
      name: 'ImportError',
      code: 'parse-failed',
      message: "page.html could not be read as a web page: its parser failed (Cannot read properties of null (reading 'tagName'))"
    })
  })
})
