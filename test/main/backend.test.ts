import { describe, expect, it } from 'vitest'
import { API_EVENTS, API_METHODS, subscriptionName } from '../../src/shared/api'
import { buildClient } from '../../src/shared/client'
import { AnnalistError } from '../../src/shared/errors'
import { apiArgs } from '../../src/shared/contract'
import { createBackend } from '../../src/main/backend'
import { fromWire, toWire } from '../../src/shared/wire'
import { tempArchive } from '../support/tmp'

describe('backend', () => {
  it('implements every method in the list and validates each argument', () => {
    const backend = createBackend(tempArchive())
    for (const method of API_METHODS) {
      expect(typeof backend.api[method]).toBe('function')
      expect(apiArgs[method]).toBeDefined()
    }
  })

  it('rejects extra and mistyped arguments before any handler runs', async () => {
    const backend = createBackend(tempArchive())
    expect(await backend.invoke('listArticles', { limit: -1 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    // The refusal says why in words, not zod's bare "Invalid input".
    expect(await backend.invoke('getArchiveInfo', { sneaky: true })).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'getArchiveInfo: Unrecognized key: "sneaky"' }
    })
    expect(await backend.invoke('importFiles', { paths: 'not-a-list' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('gives a generated client that rethrows typed errors', async () => {
    const backend = createBackend(tempArchive())
    const client = buildClient((m, a) => backend.invoke(m, a), (e, l) => backend.on(e, l))
    expect(Object.keys(client).sort()).toEqual([...API_METHODS, ...API_EVENTS.map(subscriptionName)].sort())
    expect((await client.getArchiveInfo({})).articleCount).toBe(0)
    const err = await client.getArticle({ id: 7 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AnnalistError)
    expect((err as AnnalistError).code).toBe('not-found')
  })

  it('answers as wire text what invoke answers, and a value JSON cannot write as an error', async () => {
    const backend = createBackend(tempArchive())
    await backend.api.createChronology({ name: 'Floods' })
    for (const [method, arg] of [
      ['listChronologies', {}],
      ['getArticle', { id: 7 }],
      ['listArticles', { limit: -1 }],
      ['noSuchMethod', {}]
    ] as const) {
      const wire = await backend.invokeWire(method, arg)
      expect(wire).toBe(toWire(await backend.invoke(method, arg)))
      expect(fromWire(wire)).toEqual(await backend.invoke(method, arg))
    }
    backend.invoke = async () => ({ ok: true, value: { count: 1n } })
    expect(fromWire(await backend.invokeWire('getArchiveInfo', {}))).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/BigInt/) } })
  })
})
