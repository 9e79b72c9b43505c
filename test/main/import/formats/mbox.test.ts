import { describe, expect, it } from 'vitest'
import { parseImportFile } from '../../../../src/main/import/formats'
import { ContainerBuilder } from '../../../../src/main/import/formats/container'
import { readMbox } from '../../../../src/main/import/formats/mbox'
import { makeMbox } from '../../../support/import/make-captures'

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text, 'utf8'), mtime: null })

describe('mbox mailboxes', () => {
  it('makes each message an article threaded by Message-ID, and its importable attachments articles linked to it', async () => {
    const mbox = makeMbox()
    const out = await parseImportFile(file('press.mbox', mbox))
    expect(out.mediaType).toBe('application/mbox')
    expect(out.parts.map((p) => [p.label, p.attachedTo])).toEqual([
      ['message 1 at byte 0: Northern quay to close for the winter', null],
      ['message 1 at byte 0 › works-plan.pdf', 0],
      ['message 1 at byte 0 › crane-timetable.html', 0],
      [expect.stringMatching(/^message 2 at byte \d+: Northern quay to close for the winter$/), null],
      [expect.stringMatching(/^message 3 at byte \d+: Northern quay to close for the winter$/), null]
    ])
    expect(out.passedOver).toEqual({ 'unimportable attachment': 1 })
    const [release, pdf, html, reply, answer] = out.parts.map((p) => p.result.article)
    expect(release!.byline).toBe('Harbour Authority Press Office')
    expect(release!.message).toEqual({ messageId: 'release-1@harbour.example', inReplyTo: null })
    expect(reply!.message).toEqual({ messageId: 'reply-1@courier.example', inReplyTo: 'release-1@harbour.example' })
    expect(answer!.message).toEqual({ messageId: 'reply-2@harbour.example', inReplyTo: 'reply-1@courier.example' })
    // The body line "From our side …" was quoted ">From" in the file and is whole again.
    expect(reply!.paragraphs.map((p) => p.text)).toContain('From our side the story runs tomorrow morning.')
    expect(pdf!.paragraphs.map((p) => p.text).join(' ')).toContain('The northern quay closes on 1 November for crane repairs.')
    expect(html!.title).toBe('Crane repairs: the timetable')
    const offset2 = Buffer.from(mbox).indexOf('From marit@')
    expect(reply!.capture).toEqual({ tool: 'mbox', url: null, capturedAt: '2021-08-31T09:30:00Z', software: null, member: null, offset: offset2 })
    expect(pdf!.capture).toEqual({ tool: 'mbox', url: null, capturedAt: '2021-08-31T07:00:00Z', software: null, member: 'works-plan.pdf', offset: 0 })
  })

  it('fails a message over the size limit alone, naming it, and reads the others', async () => {
    const mbox = makeMbox()
    const builder = new ContainerBuilder('big.mbox', undefined)
    const huge = `From a@b.example Tue Aug 31 07:00:00 2021\nSubject: Huge\nFrom: a@b.example\n\n${'word '.repeat(30_000)}\n`
    await readMbox(Buffer.from(mbox + huge), 'big.mbox', builder, () => null, 100_000)
    expect(builder.failed).toEqual([
      { label: expect.stringMatching(/^message 4 at byte \d+$/) as string, code: 'too-large', message: expect.stringMatching(/^big\.mbox › message 4 at byte \d+ is 150\d+ bytes; a message may have at most 100000$/) as string }
    ])
    expect(builder.parts).toHaveLength(3)
  })

  it('refuses a file that is not a mailbox', async () => {
    await expect(parseImportFile(file('notes.mbox', 'Dear diary,\n\nnothing happened.'))).rejects.toMatchObject({
      code: 'parse-failed',
      message: 'notes.mbox is not a mailbox: it does not start with a "From " line'
    })
  })
})
