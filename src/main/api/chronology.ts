import type { AnnalistApi } from '../../shared/api'
import type { ChronologyChange } from '../../shared/chronology'
import { deleteArticles } from '../articles/delete'
import { setArticleDate, updateArticle } from '../articles/edit'
import { chronologyByName, createChronology, deleteChronology, listChronologies, renameChronology } from '../chronology/chronologies'
import { addCitation, removeCitation, updateCitation } from '../chronology/citations'
import { citationsByArticle } from '../archive/repo/citations'
import { entityNames, eventTagNames, getEvent, listEvents } from '../archive/repo/events'
import { createEvent, deleteEvent, eventDate, updateEvent } from '../chronology/events'
import { redo, undo, undoState } from '../archive/journal'
import { mergeEvents } from '../chronology/merge'
import { acceptProposal, articleCandidates, datesForPassage, dismissProposal, listProposals, suggestEvents } from '../chronology/proposals/store'
import type { BackendContext } from './context'

export type ChronologyMethods =
  | 'listChronologies'
  | 'findChronology'
  | 'createChronology'
  | 'renameChronology'
  | 'deleteChronology'
  | 'listEvents'
  | 'getEvent'
  | 'createEvent'
  | 'updateEvent'
  | 'deleteEvent'
  | 'mergeEvents'
  | 'addCitation'
  | 'updateCitation'
  | 'removeCitation'
  | 'listArticleCitations'
  | 'suggestEvents'
  | 'previewEvents'
  | 'datesForPassage'
  | 'listProposals'
  | 'acceptProposal'
  | 'dismissProposal'
  | 'setArticleDate'
  | 'updateArticle'
  | 'deleteArticles'
  | 'entityNames'
  | 'eventTagNames'
  | 'undo'
  | 'redo'
  | 'undoState'

/** Chronology methods; every edit pushes `chronologyChanged` so open views can refresh. */
export function chronologyApi(ctx: BackendContext): Pick<AnnalistApi, ChronologyMethods> {
  const db = (): BackendContext['archive']['db'] => ctx.archive.db
  const changed = <T>(action: string, result: T, ids: Partial<Omit<ChronologyChange, 'action'>> = {}): T => {
    const change: ChronologyChange = { action, eventIds: ids.eventIds ?? [], articleIds: ids.articleIds ?? [] }
    if (ids.actionId !== undefined) change.actionId = ids.actionId
    ctx.emit('chronologyChanged', change)
    return result
  }
  return {
    async listChronologies() {
      return listChronologies(db())
    },
    async findChronology({ name }) {
      return chronologyByName(db(), name)
    },
    async createChronology(args) {
      return changed('createChronology', createChronology(db(), args))
    },
    async renameChronology(args) {
      return changed('renameChronology', renameChronology(db(), args))
    },
    async deleteChronology({ id }) {
      return changed('deleteChronology', deleteChronology(db(), id))
    },
    async listEvents(query) {
      return listEvents(db(), query)
    },
    async getEvent({ id }) {
      return getEvent(db(), id)
    },
    async createEvent(input) {
      const e = createEvent(db(), input)
      return changed('createEvent', e, { eventIds: [e.id], articleIds: e.citations.map((c) => c.articleId) })
    },
    async updateEvent(patch) {
      return changed('updateEvent', updateEvent(db(), patch), { eventIds: [patch.id] })
    },
    async deleteEvent({ id }) {
      const e = deleteEvent(db(), id)
      return changed('deleteEvent', e, { eventIds: [id], articleIds: e.citations.map((c) => c.articleId) })
    },
    async mergeEvents(args) {
      const e = mergeEvents(db(), args)
      return changed('mergeEvents', e, { eventIds: [args.targetId, args.sourceId], articleIds: e.citations.map((c) => c.articleId) })
    },
    async addCitation(args) {
      return changed('addCitation', addCitation(db(), args), { eventIds: [args.eventId], articleIds: [args.articleId] })
    },
    async updateCitation(patch) {
      const c = updateCitation(db(), patch)
      return changed('updateCitation', c, { eventIds: [c.eventId], articleIds: [c.articleId] })
    },
    async removeCitation({ id }) {
      const r = removeCitation(db(), id)
      return changed('removeCitation', r, { eventIds: [r.eventId], articleIds: [r.articleId] })
    },
    async listArticleCitations({ articleId }) {
      return citationsByArticle(db(), [articleId])
    },
    async suggestEvents({ articleId }) {
      return suggestEvents(db(), articleId)
    },
    async previewEvents({ articleId }) {
      return articleCandidates(db(), articleId).map((c) => {
        const { edtf, earliest, latest } = eventDate(c.edtf)
        return { date: { edtf, earliest, latest }, text: c.text, expression: c.expression, anchor: c.anchor }
      })
    },
    async datesForPassage(args) {
      return datesForPassage(db(), args)
    },
    async listProposals({ articleId, status }) {
      return listProposals(db(), articleId, status)
    },
    async acceptProposal(args) {
      const r = acceptProposal(db(), args)
      return changed('acceptProposal', r, { eventIds: [r.event.id], articleIds: [r.proposal.articleId] })
    },
    async dismissProposal({ proposalId }) {
      const p = dismissProposal(db(), proposalId)
      return changed('dismissProposal', p, { articleIds: [p.articleId] })
    },
    async setArticleDate(args) {
      return changed('setArticleDate', setArticleDate(db(), args), { articleIds: [args.id] })
    },
    async updateArticle(edit) {
      return changed('updateArticle', updateArticle(db(), edit), { articleIds: [edit.id] })
    },
    async deleteArticles({ ids }) {
      const r = deleteArticles(db(), ids)
      if (r.actionId === null) return r
      return changed('deleteArticles', r, { articleIds: r.deleted.map((a) => a.id), actionId: r.actionId })
    },
    async entityNames({ kind, prefix, limit }) {
      return entityNames(db(), kind, prefix, limit)
    },
    async eventTagNames({ prefix, limit }) {
      return eventTagNames(db(), prefix, limit)
    },
    async undo({ actionId }) {
      const r = undo(db(), actionId)
      return r.label === null ? r : changed('undo', r)
    },
    async redo() {
      const r = redo(db())
      return r.label === null ? r : changed('redo', r)
    },
    async undoState() {
      return undoState(db())
    }
  }
}

