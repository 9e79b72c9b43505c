import { describe, expect, it } from 'vitest'
import type * as z from 'zod/mini'
import type { ArticleEdit, CitationInput, CitationPatch, EventInput, EventPatch, EventQuery, ProposalEdits } from '../../src/shared/chronology'
import { API_ACCESS, API_METHODS, apiArgs, CONTRACT, methodAccess, pathsInArgument, type ApiMethod, type ContractArgs } from '../../src/shared/contract'
import type { ExportOptions } from '../../src/shared/export'
import type { SearchQuery } from '../../src/shared/search'
import type { BlobFile, ListArticlesQuery } from '../../src/shared/types'

// Exact type equality (not mere assignability, which optional fields would satisfy vacuously).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Flat<T> = { [K in keyof T]: T[K] }
const same = <T extends true>(): T | undefined => undefined

// The domain types the UI and the backend share must be exactly what the schemas accept.
same<Equal<ContractArgs<'listEvents'>, EventQuery>>()
same<Equal<ContractArgs<'search'>, SearchQuery>>()
same<Equal<ContractArgs<'createEvent'>, EventInput>>()
same<Equal<ContractArgs<'updateEvent'>, EventPatch>>()
same<Equal<ContractArgs<'updateArticle'>, ArticleEdit>>()
same<Equal<ContractArgs<'listArticles'>, ListArticlesQuery>>()
same<Equal<ContractArgs<'updateCitation'>, CitationPatch>>()
same<Equal<ContractArgs<'addCitation'>, Flat<CitationInput & { eventId: number }>>>()
same<Equal<NonNullable<ContractArgs<'acceptProposal'>['edits']>, Flat<ProposalEdits>>>()
same<Equal<NonNullable<ContractArgs<'exportChronology'>['options']>, ExportOptions>>()
same<Equal<ContractArgs<'importBlobs'>['files'][number], BlobFile>>()
// No schema transforms or defaults: a handler receives exactly what the caller's type allows.
same<Equal<{ [M in ApiMethod]: z.input<(typeof CONTRACT)[M]['args']> }, { [M in ApiMethod]: z.output<(typeof CONTRACT)[M]['args']> }>>()

/** One valid argument per method; the mapped type makes a new method fail to compile until it has one. */
const SAMPLES: { [M in ApiMethod]: ContractArgs<M> } = {
  getArchiveInfo: {},
  openArchive: { path: '/tmp/archive' },
  listRecentArchives: {},
  removeSampleArchive: {},
  checkArchive: {},
  backupArchive: { path: '/tmp/backup.tar' },
  importFiles: { paths: ['/tmp/a.txt'], batchId: 'b1' },
  importBlobs: { files: [{ name: 'a.txt', bytes: new Uint8Array([104, 105]) }] },
  cancelImport: { batchId: 'b1' },
  listArticles: { limit: 50, offset: 0, sort: 'published', order: 'desc' },
  getArticle: { id: 1 },
  locateQuote: { articleId: 1, quote: 'the ferry left' },
  setArticleTags: { id: 1, tags: ['port'] },
  tagArticles: { ids: [1, 2], add: ['port'], remove: ['storm'] },
  listArticleTags: { prefix: 'po', limit: 10 },
  getOriginal: { id: 1 },
  setArticleDate: { id: 1, edtf: '2024-03-02' },
  updateArticle: { id: 1, title: 'Quay vote', outlet: null, language: 'pt-BR', published: '2024-03' },
  deleteArticles: { ids: [3] },
  search: { query: 'ferry~ harbour', fuzzy: true, sort: 'date', limit: 20, offset: 0 },
  suggest: { prefix: 'har', limit: 5 },
  highlightArticle: { articleId: 1, query: 'ferry' },
  listSavedSearches: {},
  saveSearch: { name: 'Ferries', query: 'ferry', sort: 'rank' },
  deleteSavedSearch: { id: 1 },
  setDroppedSpellings: { query: 'masood~', spellings: ['mason'] },
  listChronologies: {},
  findChronology: { name: 'Harbour' },
  createChronology: { name: 'Harbour', description: 'Works on the quay' },
  renameChronology: { id: 1, name: 'Port' },
  deleteChronology: { id: 1 },
  listEvents: { chronologyId: 1, tag: 'port', status: 'reported', from: '2024-01-01', to: '2024-12-31', organisation: 'Port Authority', entityId: 2 },
  getEvent: { id: 1 },
  createEvent: { title: 'Quay vote', date: '2024-03-02', tags: ['port'], citations: [{ articleId: 1, start: 0, end: 10, stance: 'supports' }] },
  updateEvent: { id: 1, date: '2024-03-02~', people: ['Ana Ruiz'] },
  deleteEvent: { id: 1 },
  mergeEvents: { targetId: 1, sourceId: 2 },
  addCitation: { eventId: 1, articleId: 1, start: 0, end: 10, note: null },
  updateCitation: { id: 1, stance: 'contradicts' },
  removeCitation: { id: 1 },
  listArticleCitations: { articleId: 1 },
  suggestEvents: { articleId: 1 },
  previewEvents: { articleId: 1 },
  datesForPassage: { articleId: 1, start: 0, end: 10 },
  listProposals: { articleId: 1, status: 'pending' },
  acceptProposal: { proposalId: 1, edits: { title: 'Storm closes the port' }, mergeInto: 2 },
  dismissProposal: { proposalId: 1 },
  entityNames: { kind: 'person', prefix: 'An', limit: 5 },
  eventTagNames: { prefix: 'po' },
  listEntities: { kind: 'person', prefix: 'Mas', includeHidden: false, limit: 20, offset: 0 },
  getEntity: { id: 1, passageLimit: 10, passageOffset: 0 },
  entityGraph: { id: 1, limit: 10 },
  articleMentions: { articleId: 1 },
  passageEntities: { articleId: 1, start: 0, end: 40 },
  mapPlaces: { chronologyId: 1, from: '2021-01-01', to: '2021-12-31', limit: 100 },
  mergeEntities: { into: 1, ids: [2, 3] },
  splitEntity: { id: 1, aliases: ['Masood'] },
  renameEntity: { id: 1, name: 'Ahmad Shah Massoud' },
  setEntityHidden: { id: 1, hidden: true },
  extractEntities: { jobId: 'e1', articleIds: [1, 2] },
  cancelEntityExtraction: { jobId: 'e1' },
  undo: { actionId: 4 },
  redo: {},
  undoState: {},
  exportChronology: { format: 'csv', options: { chronologyId: 1, statuses: ['confirmed'], quotes: false } }
}

describe('the contract table', () => {
  it('validates a representative argument of every method and refuses an unknown key', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...API_METHODS].sort())
    for (const method of API_METHODS) {
      const sample = SAMPLES[method]
      expect(apiArgs[method].safeParse(sample).success, method).toBe(true)
      const extra = apiArgs[method].safeParse({ ...sample, colour: 'red' })
      expect(extra.success, `${method} with an unknown key`).toBe(false)
      expect(extra.error?.issues[0]?.code, method).toBe('unrecognized_keys')
    }
  })

  it('refuses arguments the types forbid', () => {
    expect(apiArgs.importFiles.safeParse({ paths: [] }).success).toBe(false)
    expect(apiArgs.importBlobs.safeParse({ files: [{ name: 'a.txt', bytes: 'aGk=' }] }).success).toBe(false)
    expect(apiArgs.listEvents.safeParse({ from: '2024' }).success).toBe(false)
    expect(apiArgs.getArticle.safeParse({ id: 0 }).success).toBe(false)
    expect(apiArgs.updateArticle.safeParse({ id: 1, language: 'english please' }).success).toBe(false)
  })

  it('names the path fields, and only those are paths', () => {
    expect(pathsInArgument('importFiles', SAMPLES.importFiles)).toEqual(['/tmp/a.txt'])
    expect(pathsInArgument('openArchive', SAMPLES.openArchive)).toEqual(['/tmp/archive'])
    expect(pathsInArgument('backupArchive', SAMPLES.backupArchive)).toEqual(['/tmp/backup.tar'])
    // A malformed argument still yields every string it names, so the grant check sees them.
    expect(pathsInArgument('importFiles', { paths: ['/a', 7, '/b'] })).toEqual(['/a', '/b'])
    expect(pathsInArgument('openArchive', {})).toEqual([])
    const withPaths = API_METHODS.filter((m) => pathsInArgument(m, SAMPLES[m]) !== null)
    expect(withPaths.sort()).toEqual(['backupArchive', 'importFiles', 'openArchive'])
    expect(pathsInArgument('noSuchMethod', { path: '/etc' })).toBeNull()
  })

  it('says which methods write', () => {
    for (const m of API_METHODS) expect(API_ACCESS[m]).toBe(methodAccess(m))
    expect(methodAccess('search')).toBe('read')
    expect(methodAccess('backupArchive')).toBe('read')
    expect(methodAccess('createEvent')).toBe('write')
    expect(methodAccess('suggestEvents')).toBe('write')
    expect(methodAccess('previewEvents')).toBe('read')
  })
})
