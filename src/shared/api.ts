/**
 * The one contract between UI and backend. Main implements it (`satisfies AnnalistApi`), the
 * preload and the HTTP client are generated from API_METHODS and API_EVENTS. Every method takes
 * exactly one plain-data argument object and resolves to plain data, so the same call works over
 * Electron IPC and over HTTP. Add a method here, to API_METHODS and to `apiArgs` in
 * validation.ts; nowhere else by hand.
 */
import type {
  ArchiveInfo,
  ArticleDetail,
  ArticlePage,
  BlobFile,
  ImportProgress,
  ImportReport,
  ListArticlesQuery
} from './types'
import type { ExportFormat, ExportOptions, ExportResult } from './export'
import type { BackupResult, CheckReport, RecentArchive } from './archive'
import type { OriginalFile } from './originals'
import type { ArticleTagCount, TagArticlesResult } from './article-tags'
import type { ArticleHighlights, SavedSearch, SearchQuery, SearchResult, SearchSort, Suggestion } from './search'
import type {
  AcceptedProposal,
  ArticleEdit,
  ArticleEditResult,
  Chronology,
  ChronologyChange,
  ChronologyEvent,
  Citation,
  CitationInput,
  CitationPatch,
  DeleteArticlesResult,
  EntityKind,
  EventInput,
  EventPatch,
  EventQuery,
  ProposalEdits,
  ProposalStatus,
  PassageDate,
  ProposedEvent,
  UndoResult
} from './chronology'

export interface AnnalistApi {
  // --- Archive ---
  getArchiveInfo(args: Record<string, never>): Promise<ArchiveInfo>
  /** Opens (creating if needed) the archive folder at `path` and makes it the current one. */
  openArchive(args: { path: string }): Promise<ArchiveInfo>
  /** The current archive first, then archives opened before, most recent first. */
  listRecentArchives(args: Record<string, never>): Promise<RecentArchive[]>
  /** Checks the open archive without changing it (integrity, search index, text offsets, originals). */
  checkArchive(args: Record<string, never>): Promise<CheckReport>
  /** Writes a backup of the open archive to the new file `path` (an online snapshot: work may go on). */
  backupArchive(args: { path: string }): Promise<BackupResult>

  // --- Import ---
  /**
   * Imports files and folders (walked recursively) the user chose by path. `batchId` names the
   * batch for cancelImport; without it progress events carry a generated one.
   */
  importFiles(args: { paths: string[]; batchId?: string }): Promise<ImportReport>
  /** Imports dropped files that carry no path (browser mode, dragged-out attachments). */
  importBlobs(args: { files: BlobFile[]; batchId?: string }): Promise<ImportReport>
  /** Stops a running import between files; what is stored stays. False when no such batch is running. */
  cancelImport(args: { batchId: string }): Promise<{ cancelled: boolean }>

  // --- Articles ---
  listArticles(args: ListArticlesQuery): Promise<ArticlePage>
  getArticle(args: { id: number }): Promise<ArticleDetail>

  // --- Article tags (each change undoable, followed by `chronologyChanged`) ---
  /** Replaces one article's tags (trimmed, case-insensitively unique); returns the stored names. */
  setArticleTags(args: { id: number; tags: string[] }): Promise<{ id: number; tags: string[] }>
  /** Adds and/or removes tags on many articles at once, all or nothing. */
  tagArticles(args: { ids: number[]; add?: string[]; remove?: string[] }): Promise<TagArticlesResult>
  /** Tags used on articles with their article counts, most used first (autocomplete). */
  listArticleTags(args: { prefix?: string; limit?: number }): Promise<ArticleTagCount[]>

  // --- Originals ---
  /** The article's original file: decoded text for text-like types (HTML is shown only sanitized), null for binary or huge ones. */
  getOriginal(args: { id: number }): Promise<OriginalFile>

  // --- Search ---
  /** Runs a search-box query: ranked or dated hits with snippets, total, facets and variant expansions. */
  search(args: SearchQuery): Promise<SearchResult>
  /** Autocomplete for the word being typed: archive words, outlets, places, people, titles. */
  suggest(args: { prefix: string; limit?: number }): Promise<Suggestion[]>
  /** Where a query matches inside one article's clean text, for the Reader's next/previous. */
  highlightArticle(args: { articleId: number; query: string; fuzzy?: boolean }): Promise<ArticleHighlights>
  listSavedSearches(args: Record<string, never>): Promise<SavedSearch[]>
  /** Saves (or, for an existing name, replaces) a named search. */
  saveSearch(args: { name: string; query: string; fuzzy?: boolean; sort?: SearchSort }): Promise<SavedSearch>
  deleteSavedSearch(args: { id: number }): Promise<{ deleted: true }>

  // --- Chronology (every edit is undoable and followed by a `chronologyChanged` event) ---
  listChronologies(args: Record<string, never>): Promise<Chronology[]>
  createChronology(args: { name: string; description?: string }): Promise<Chronology>
  renameChronology(args: { id: number; name?: string; description?: string }): Promise<Chronology>
  /** Deletes the chronology only; its events stay in the archive. */
  deleteChronology(args: { id: number }): Promise<Chronology>
  /** Events matching every given filter, in chronological order (earliest day, precision, time). */
  listEvents(args: EventQuery): Promise<ChronologyEvent[]>
  getEvent(args: { id: number }): Promise<ChronologyEvent>
  createEvent(args: EventInput): Promise<ChronologyEvent>
  updateEvent(args: EventPatch): Promise<ChronologyEvent>
  deleteEvent(args: { id: number }): Promise<ChronologyEvent>
  /** Moves the source's citations, tags, people, places and memberships to the target; the source is deleted. */
  mergeEvents(args: { targetId: number; sourceId: number }): Promise<ChronologyEvent>
  /** Cites `[start, end)` of the article's clean text; the server computes quote, context and hash. */
  addCitation(args: CitationInput & { eventId: number }): Promise<Citation>
  updateCitation(args: CitationPatch): Promise<Citation>
  removeCitation(args: { id: number }): Promise<{ eventId: number; articleId: number }>
  /** Every citation into one article (Reader highlights), orphaned ones included. */
  listArticleCitations(args: { articleId: number }): Promise<Citation[]>
  /** (Re)computes proposed events from the article's text and date; returns the pending ones. */
  suggestEvents(args: { articleId: number }): Promise<ProposedEvent[]>
  /** Dates written around a passage being cited (first = default date for a new event); nothing stored. */
  datesForPassage(args: { articleId: number; start: number; end: number }): Promise<PassageDate[]>
  listProposals(args: { articleId: number; status?: ProposalStatus }): Promise<ProposedEvent[]>
  /** Creates an event from a proposal (with edits), or adds its citation to `mergeInto`. */
  acceptProposal(args: { proposalId: number; edits?: ProposalEdits; mergeInto?: number }): Promise<AcceptedProposal>
  dismissProposal(args: { proposalId: number }): Promise<ProposedEvent>
  /** The user's publication date (EDTF, or null to clear); pending proposals are re-resolved. */
  setArticleDate(args: { id: number; edtf: string | null }): Promise<ArticleDetail>
  /** Edits metadata and/or clean text; citations are re-anchored (orphaned if lost). */
  updateArticle(args: ArticleEdit): Promise<ArticleEditResult>
  /**
   * Deletes every given article no event cites, as ONE undoable action whatever the number; cited
   * ones are refused by title with the citing events' titles. `actionId` is what `undo` takes.
   */
  deleteArticles(args: { ids: number[] }): Promise<DeleteArticlesResult>
  /** People or place names used on events, starting with `prefix`, most used first. */
  entityNames(args: { kind: EntityKind; prefix: string; limit?: number }): Promise<string[]>
  eventTagNames(args: { prefix: string; limit?: number }): Promise<string[]>
  /**
   * Reverses the latest action; with `actionId`, exactly that action, refused (`conflict`, nothing
   * undone) unless it is still the latest one done.
   */
  undo(args: { actionId?: number }): Promise<UndoResult>
  redo(args: Record<string, never>): Promise<UndoResult>
  /** What undo would reverse, and whether redo is possible (for menu labels). */
  undoState(args: Record<string, never>): Promise<UndoResult>

  // --- Export ---
  /** Renders the events of one chronology (or all) as a document: Markdown, CSV, JSON, TimelineJS or CSL-JSON. */
  exportChronology(args: { format: ExportFormat; options?: ExportOptions }): Promise<ExportResult>
}

export type ApiMethod = keyof AnnalistApi

/** Every method of AnnalistApi, in one list the transports are generated from. */
export const API_METHODS = [
  'getArchiveInfo',
  'exportChronology',
  'openArchive',
  'listRecentArchives',
  'checkArchive',
  'backupArchive',
  'importFiles',
  'importBlobs',
  'cancelImport',
  'listArticles',
  'getArticle',
  'setArticleTags',
  'tagArticles',
  'listArticleTags',
  'getOriginal',
  'search',
  'suggest',
  'highlightArticle',
  'listSavedSearches',
  'saveSearch',
  'deleteSavedSearch',
  'listChronologies',
  'createChronology',
  'renameChronology',
  'deleteChronology',
  'listEvents',
  'getEvent',
  'createEvent',
  'updateEvent',
  'deleteEvent',
  'mergeEvents',
  'addCitation',
  'updateCitation',
  'removeCitation',
  'listArticleCitations',
  'suggestEvents',
  'datesForPassage',
  'listProposals',
  'acceptProposal',
  'dismissProposal',
  'setArticleDate',
  'updateArticle',
  'deleteArticles',
  'entityNames',
  'eventTagNames',
  'undo',
  'redo',
  'undoState'
] as const satisfies readonly ApiMethod[]

// Compile-time proof that API_METHODS lists every method of the interface and nothing else.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>
const methodsComplete: MissingMethods extends never ? true : MissingMethods = true
void methodsComplete

/**
 * Whether a method changes the archive ('write': it runs on the one writer, in order) or only
 * reads it ('read': any reader connection may answer it, beside a running write).
 */
export const API_ACCESS = {
  getArchiveInfo: 'read',
  exportChronology: 'read',
  openArchive: 'write',
  listRecentArchives: 'read',
  checkArchive: 'read',
  backupArchive: 'read',
  importFiles: 'write',
  importBlobs: 'write',
  cancelImport: 'write',
  listArticles: 'read',
  getArticle: 'read',
  setArticleTags: 'write',
  tagArticles: 'write',
  listArticleTags: 'read',
  getOriginal: 'read',
  search: 'read',
  suggest: 'read',
  highlightArticle: 'read',
  listSavedSearches: 'read',
  saveSearch: 'write',
  deleteSavedSearch: 'write',
  listChronologies: 'read',
  createChronology: 'write',
  renameChronology: 'write',
  deleteChronology: 'write',
  listEvents: 'read',
  getEvent: 'read',
  createEvent: 'write',
  updateEvent: 'write',
  deleteEvent: 'write',
  mergeEvents: 'write',
  addCitation: 'write',
  updateCitation: 'write',
  removeCitation: 'write',
  listArticleCitations: 'read',
  suggestEvents: 'write',
  datesForPassage: 'read',
  listProposals: 'read',
  acceptProposal: 'write',
  dismissProposal: 'write',
  setArticleDate: 'write',
  updateArticle: 'write',
  deleteArticles: 'write',
  entityNames: 'read',
  eventTagNames: 'read',
  undo: 'write',
  redo: 'write',
  undoState: 'read'
} as const satisfies Record<ApiMethod, 'read' | 'write'>

/** Events the backend pushes to the UI. */
export interface AnnalistEvents {
  importProgress: ImportProgress
  chronologyChanged: ChronologyChange
  /** Another archive was opened (File > Open Archive…): everything shown must be reloaded. */
  archiveChanged: ArchiveInfo
}

export type ApiEvent = keyof AnnalistEvents

export const API_EVENTS = ['importProgress', 'chronologyChanged', 'archiveChanged'] as const satisfies readonly ApiEvent[]

type MissingEvents = Exclude<ApiEvent, (typeof API_EVENTS)[number]>
const eventsComplete: MissingEvents extends never ? true : MissingEvents = true
void eventsComplete

export type ApiArgs<M extends ApiMethod> = Parameters<AnnalistApi[M]>[0]
export type ApiResult<M extends ApiMethod> = Awaited<ReturnType<AnnalistApi[M]>>

/** `onImportProgress(cb)` for each event; returns an unsubscribe function. */
export type AnnalistSubscriptions = {
  [E in ApiEvent as `on${Capitalize<E>}`]: (listener: (payload: AnnalistEvents[E]) => void) => () => void
}

/** What the renderer sees as `window.annalist`, whichever transport is behind it. */
export type AnnalistClient = AnnalistApi & AnnalistSubscriptions

/** `importProgress` -> `onImportProgress`. */
export function subscriptionName<E extends ApiEvent>(event: E): `on${Capitalize<E>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<E>}`
}
