import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fromWire } from '../../../src/shared/wire'
import { tempDir } from '../../support/tmp'
import { call, start, type Started } from './support'

interface Answer {
  status: number
  envelope: { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }
}

async function ask(s: Started, method: string, arg: unknown): Promise<Answer> {
  const res = await call(s, method, arg)
  return { status: res.status, envelope: fromWire(res.body) as Answer['envelope'] }
}

function article(dir: string, name: string, title: string): string {
  const path = join(dir, name)
  writeFileSync(path, `${title}\n\nA paragraph about the harbour strike.`)
  return path
}

function refusal(path: string): Answer {
  return {
    status: 403,
    envelope: { ok: false, error: { code: 'forbidden-path', message: expect.stringContaining(path) as unknown as string } }
  }
}

describe('browser-mode path grants', () => {
  it('refuses importFiles, openArchive and so getOriginal of paths nobody granted, saying how to grant them', async () => {
    const s = await start()
    const elsewhere = tempDir()
    const secret = article(elsewhere, 'secret.txt', 'Not chosen')
    const imported = await ask(s, 'importFiles', { paths: [secret] })
    expect(imported).toMatchObject(refusal(secret))
    expect((imported.envelope as { error: { message: string } }).error.message).toContain('annalist serve --allow')
    expect(await ask(s, 'importFiles', { paths: [elsewhere] })).toMatchObject(refusal(elsewhere))
    // Nothing was imported, so there is no original to read back.
    expect(await ask(s, 'getArchiveInfo', {})).toMatchObject({ envelope: { ok: true, value: { articleCount: 0 } } })
    expect(await ask(s, 'getOriginal', { id: 1 })).toMatchObject({ envelope: { ok: false, error: { code: 'not-found' } } })
    const planted = join(elsewhere, 'planted-archive')
    expect(await ask(s, 'openArchive', { path: planted })).toMatchObject(refusal(planted))
    expect(existsSync(planted)).toBe(false)
  })

  it('accepts what `annalist serve --allow` granted, and nothing that leaves it by `..` or a link', async () => {
    const granted = tempDir()
    const outside = tempDir()
    const s = await start({ allow: [granted] })
    const note = article(granted, 'note.txt', 'Chosen on the command line')
    const added = await ask(s, 'importFiles', { paths: [note] })
    expect(added).toMatchObject({ status: 200, envelope: { ok: true, value: { added: [{ title: 'Chosen on the command line' }] } } })
    const id = (added.envelope as { value: { added: { id: number }[] } }).value.added[0]!.id
    expect(await ask(s, 'getOriginal', { id })).toMatchObject({ envelope: { ok: true, value: { name: 'note.txt', text: expect.stringContaining('harbour strike') } } })

    const secret = article(outside, 'secret.txt', 'Outside')
    expect(await ask(s, 'importFiles', { paths: [`${granted}/../${basename(outside)}/secret.txt`] })).toMatchObject({
      status: 403,
      envelope: { ok: false, error: { code: 'forbidden-path' } }
    })
    symlinkSync(secret, join(granted, 'link.txt'))
    symlinkSync(outside, join(granted, 'link-dir'))
    expect(await ask(s, 'importFiles', { paths: [join(granted, 'link.txt')] })).toMatchObject(refusal(join(granted, 'link.txt')))
    expect(await ask(s, 'openArchive', { path: join(granted, 'link-dir', 'new') })).toMatchObject(refusal(join(granted, 'link-dir', 'new')))
    expect(existsSync(join(outside, 'new'))).toBe(false)
  })

  it('opens a new archive inside a granted folder, then goes back to the archive opened first', async () => {
    const granted = tempDir()
    const s = await start({ allow: [granted] })
    const first = s.backend.archive.dir
    const second = join(granted, 'archives', 'second')
    mkdirSync(join(granted, 'archives'))
    expect(await ask(s, 'openArchive', { path: second })).toMatchObject({ status: 200, envelope: { ok: true, value: { path: second } } })
    expect(existsSync(join(second, 'archive.sqlite'))).toBe(true)
    // The archive the server was started on is not under --allow, but the person opened it before.
    expect(await ask(s, 'openArchive', { path: first })).toMatchObject({ status: 200, envelope: { ok: true, value: { path: first } } })
    expect(await ask(s, 'openArchive', { path: second })).toMatchObject({ status: 200, envelope: { ok: true } })
  })
})
