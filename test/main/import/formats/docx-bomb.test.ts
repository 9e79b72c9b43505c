import { unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ImportError } from '../../../../src/main/import/errors'
import { parseDocx } from '../../../../src/main/import/formats/docx'
import { MAX_STEP_OUTPUT, ZIP_LIMITS, type InflateMeter } from '../../../../src/main/import/formats/zip-guard'
import { makeDocx, makeLyingBomb } from '../../../support/import/make-docx'

async function refusal(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run()
  } catch (err) {
    if (err instanceof ImportError) return err
    throw err
  }
  throw new Error('expected an ImportError')
}

describe('Word documents unpack within a budget of real bytes', () => {
  it('refuses a docx that declares 4 KB and inflates to 100 MB, stopping within one step of the limit', async () => {
    const bomb = makeLyingBomb(100 * 1024 * 1024)
    expect(bomb.length).toBeLessThan(200_000)
    const meter: InflateMeter = { produced: 0 }
    const err = await refusal(() => parseDocx(bomb, 'bomb.docx', {}, ZIP_LIMITS, meter))
    expect(err.code).toBe('too-large')
    expect(err.message).toBe(`bomb.docx unpacks to more than ${ZIP_LIMITS.maxInflatedBytes} bytes (the limit for a Word document); refused as a possible zip bomb`)
    expect(meter.produced).toBeGreaterThan(ZIP_LIMITS.maxInflatedBytes)
    expect(meter.produced).toBeLessThanOrEqual(ZIP_LIMITS.maxInflatedBytes + MAX_STEP_OUTPUT)
  })

  it('counts the bytes of every markup part together, against a smaller budget too', async () => {
    const limits = { ...ZIP_LIMITS, maxInflatedBytes: 1 << 20 }
    const meter: InflateMeter = { produced: 0 }
    const err = await refusal(() => parseDocx(makeLyingBomb(8 << 20), 'small-bomb.docx', {}, limits, meter))
    expect(err.code).toBe('too-large')
    expect(meter.produced).toBeLessThanOrEqual(limits.maxInflatedBytes + MAX_STEP_OUTPUT)
  })

  it('refuses at once a part whose declared size alone is over the budget, inflating nothing', async () => {
    const meter: InflateMeter = { produced: 0 }
    const err = await refusal(() => parseDocx(makeLyingBomb(1024, 3_000_000_000), 'announced.docx', {}, ZIP_LIMITS, meter))
    expect(err.code).toBe('too-large')
    expect(meter.produced).toBeLessThan(4096)
  })

  it('reads the text of a real document and never inflates its pictures', async () => {
    const parts = unzipSync(makeDocx(['A headline for the record', 'KABUL – The first paragraph of the story, long enough to count.'], 'R. Writer'))
    // A "picture" that would inflate far past the budget: text extraction must not touch it.
    const picture = new Uint8Array(40 << 20)
    const docx = zipSync({ ...parts, 'word/media/image1.png': [picture, { level: 9 }] })
    const meter: InflateMeter = { produced: 0 }
    const result = await parseDocx(docx, 'story.docx', {}, ZIP_LIMITS, meter)
    expect(result.article.paragraphs.map((p) => p.text)).toEqual(['The first paragraph of the story, long enough to count.'])
    expect(result.article.byline).toBe('R. Writer')
    expect(meter.produced).toBeLessThan(10_000)
  })
})
