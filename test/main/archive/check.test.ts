import { copyFileSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../../src/main/archive/archive'
import { checkArchive } from '../../../src/main/archive/maintenance/check'
import { createEvent } from '../../../src/main/chronology/events'
import { originalPath, sha256 } from '../../../src/main/archive/originals'
import { runCli } from '../../../src/main/cli/run'
import { seedArticles } from '../../support/archive-seed'
import { killHard, spawnScript, waitForLine } from '../../support/child'
import { tempArchive, tempDir } from '../../support/tmp'
import { databaseAt } from '../../support/migrations'
import { seedSchema1 } from '../../support/seed-v1'
import { preUpgradeCopyPath } from '../../../src/main/archive/db'

function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (!name.endsWith('-shm')) out[relative(dir, p)] = sha256(readFileSync(p))
    }
  }
  walk(dir)
  return out
}

function captureIo(): { io: { out: (t: string) => void; err: (t: string) => void; isTTY: boolean }; out: () => string; err: () => string } {
  let out = ''
  let err = ''
  return { io: { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false }, out: () => out, err: () => err }
}

describe('checkArchive', () => {
  it('reports a freshly written archive healthy and changes no byte of it', async () => {
    const archive = tempArchive()
    seedArticles(archive, 12)
    const before = fingerprint(archive.dir)
    const report = await checkArchive(archive.dir)
    expect(report.problems).toEqual([])
    expect(report.healthy).toBe(true)
    expect(report.counts).toEqual({ articles: 12, paragraphs: 36, files: 12, originals: 12 })
    expect(fingerprint(archive.dir)).toEqual(before)
  })

  it('finds a missing and a corrupted original, and notes orphans and temp files as harmless', async () => {
    const archive = tempArchive()
    seedArticles(archive, 3)
    const hashes = archive.db.prepare('SELECT sha256 FROM files ORDER BY id').pluck().all() as string[]
    unlinkSync(originalPath(archive.originalsDir, hashes[0]!))
    writeFileSync(originalPath(archive.originalsDir, hashes[1]!), 'tampered')
    const orphan = sha256('orphan')
    mkdirSync(join(archive.originalsDir, orphan.slice(0, 2)), { recursive: true })
    writeFileSync(originalPath(archive.originalsDir, orphan), 'orphan')
    writeFileSync(`${originalPath(archive.originalsDir, hashes[2]!)}.abc.tmp`, 'half')
    const report = await checkArchive(archive.dir)
    expect(report.healthy).toBe(false)
    expect(report.problems.map((p) => p.kind)).toEqual(['original-missing', 'original-corrupt'])
    expect(report.problems[0]!.message).toContain('story-0.txt')
    expect(report.notes.join('\n')).toMatch(/1 original with no file row/)
    expect(report.notes.join('\n')).toMatch(/1 stray file/)
  })

  it('flags an unreferenced original whose content no longer matches its name', async () => {
    const archive = tempArchive()
    seedArticles(archive, 1)
    const name = sha256('what was imported')
    mkdirSync(join(archive.originalsDir, name.slice(0, 2)), { recursive: true })
    writeFileSync(originalPath(archive.originalsDir, name), 'something else')
    const report = await checkArchive(archive.dir)
    expect(report.problems).toEqual([
      {
        kind: 'original-corrupt',
        message: `${originalPath(archive.originalsDir, name)} does not match its name; no row points at it, but a re-import of that file would reuse it: delete it`
      }
    ])
  })

  it('detects drift between each FTS index and its content table', async () => {
    const archive = tempArchive()
    seedArticles(archive, 3)
    archive.db.exec('DROP TRIGGER search_articles_au_text; DROP TRIGGER articles_au')
    archive.db.prepare("UPDATE articles SET text = 'rewritten behind the index' WHERE id = 2").run()
    archive.db.prepare("UPDATE articles SET title = 'Retitled behind the index' WHERE id = 3").run()
    const report = await checkArchive(archive.dir)
    const drift = report.problems.filter((p) => p.kind === 'fts-drift').map((p) => p.message.split(':')[0])
    expect(drift.sort()).toEqual(['articles_fts', 'search_fts'])
  })

  it('detects offsets that do not match the text, a wrong text hash and a dangling foreign key', async () => {
    const archive = tempArchive()
    seedArticles(archive, 3)
    archive.db.prepare('UPDATE paragraphs SET start = start + 1 WHERE article_id = 1 AND ordinal = 2').run()
    archive.db.prepare("UPDATE articles SET text_hash = 'x' WHERE id = 2").run()
    archive.db.pragma('foreign_keys = OFF')
    archive.db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (3, 99)').run()
    const report = await checkArchive(archive.dir)
    expect(report.problems.map((p) => p.kind)).toEqual(['foreign-key', 'paragraph-offsets', 'text-hash'])
    expect(report.problems[0]!.message).toBe('a row of article_tags points at a missing tags row')
    expect(report.problems[1]!.message).toBe('article 1: text before paragraph 2 belongs to no paragraph')
    expect(report.problems[2]!.message).toBe('article 2: text_hash does not match its text')
  })

  it('reports citations that left their passage and events whose sort keys disagree with their date', async () => {
    const archive = tempArchive()
    seedArticles(archive, 2)
    const event = createEvent(archive.db, {
      title: 'Crossing reopened',
      date: '2021-08-15',
      citations: [{ articleId: 1, start: 0, end: 12 }]
    })
    expect((await checkArchive(archive.dir)).problems).toEqual([])
    archive.db.prepare('UPDATE citations SET start = start + 1, end = end + 1 WHERE id = ?').run(event.citations[0]!.id)
    archive.db.prepare("UPDATE events SET earliest_day = '1999-01-01' WHERE id = ?").run(event.id)
    const report = await checkArchive(archive.dir)
    expect(report.problems.map((p) => p.kind)).toEqual(['citation-drift', 'event-date'])
  })

  it('reports an article that lost a paragraph', async () => {
    const archive = tempArchive()
    seedArticles(archive, 2)
    archive.db.prepare('DELETE FROM paragraphs WHERE article_id = 2 AND ordinal = 3').run()
    const report = await checkArchive(archive.dir)
    expect(report.problems).toEqual([
      { kind: 'paragraph-offsets', message: 'article 2: text after the last paragraph belongs to no paragraph' }
    ])
  })

  it('reports an archive healthy while another process keeps writing to it', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    seedArticles(archive, 3)
    archive.close()
    const writer = spawnScript('writer-child.ts', [dir])
    try {
      await waitForLine(writer, /^ready$/)
      for (let i = 0; i < 3; i++) {
        const report = await checkArchive(dir)
        expect(report.problems).toEqual([])
      }
    } finally {
      await killHard(writer)
    }
  })

  it('notes the copies kept before upgrades, with their sizes, and none for an archive never upgraded', async () => {
    const fresh = tempArchive()
    seedArticles(fresh, 2)
    expect((await checkArchive(fresh.dir)).notes.some((n) => n.includes('pre-upgrade'))).toBe(false)

    const dir = join(tempDir(), 'archive')
    openArchive(dir).close()
    const old = databaseAt(1)
    seedSchema1(old)
    old.close()
    copyFileSync(old.name, join(dir, 'archive.sqlite'))
    openArchive(dir).close()
    const copy = preUpgradeCopyPath(join(dir, 'archive.sqlite'), 1)
    const report = await checkArchive(dir)
    // (schema 1's seed rows carry made-up hashes and no originals: problems, which are not the point here)
    const mb = (statSync(copy).size / 1024 / 1024).toFixed(1)
    expect(report.notes).toContainEqual(expect.stringContaining(`pre-upgrade/ keeps the database as it was before its upgrade (archive-schema-1.sqlite, ${mb} MB)`))
  })

  it('refuses a directory without an archive', async () => {
    await expect(checkArchive(tempDir())).rejects.toThrow(/no archive at/)
  })
})

describe('annalist check', () => {
  it('exits 0 on a healthy archive and 1 with the problems listed otherwise', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = openArchive(dir)
    seedArticles(archive, 2)
    archive.close()
    const ok = captureIo()
    expect(await runCli(['check', '--archive', dir], ok.io)).toBe(0)
    expect(ok.out()).toMatch(/healthy/)

    const again = openArchive(dir)
    const hash = again.db.prepare('SELECT sha256 FROM files WHERE id = 1').pluck().get() as string
    again.close()
    unlinkSync(originalPath(join(dir, 'originals'), hash))
    const bad = captureIo()
    expect(await runCli(['check', '--archive', dir, '--json'], bad.io)).toBe(1)
    const json = JSON.parse(bad.out()) as { healthy: boolean; problems: { kind: string }[] }
    expect(json.healthy).toBe(false)
    expect(json.problems.map((p) => p.kind)).toEqual(['original-missing'])
  })
})
