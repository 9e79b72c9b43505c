import { m001Initial } from './001-initial'
import { m002ImportDedupe } from './002-import-dedupe'
import { m003UndoJournal } from './003-undo-journal'
import { m004Search } from './004-search'
import { m005ChronologyIndexes } from './005-chronology-indexes'
import { m006LibrarySortIndexes } from './006-library-sort-indexes'
import { m007TagIndexes } from './007-tag-indexes'
import { m008DateProvenance } from './008-date-provenance'
import { m009SharedParagraphs } from './009-shared-paragraphs'
import { m010SearchDeltas } from './010-search-deltas'
import { m011CaptureProvenance } from './011-capture-provenance'
import { m012OcrConfidence } from './012-ocr-confidence'
import { m013DropParagraphIndex } from './013-drop-paragraph-index'
import { m014Entities } from './014-entities'
import { m015EventOrganisations } from './015-event-organisations'
import { m016FingerprintsByHashOnly } from './016-fingerprints-by-hash-only'
import { m017DuplicateOfIndex } from './017-duplicate-of-index'
import { m018ParagraphsAsOffsets } from './018-paragraphs-as-offsets'
import { m019EntityMentionLog } from './019-entity-mention-log'
import { m020ArticleLogOnce } from './020-article-log-once'
import { m021NearDuplicatesByArticle } from './021-near-duplicates-by-article'
import { m022ParagraphWordsKey } from './022-paragraph-words-key'
import { m023MentionsByArticle } from './023-mentions-by-article'
import { m024SearchMetaSnapshot } from './024-search-meta-snapshot'
import { m025FileSizeIndex } from './025-file-size-index'
import { m026RecentFingerprints } from './026-recent-fingerprints'
import { m027LogWordChanges } from './027-log-word-changes'
import type { Migration } from './types'

/** Every migration in order; the last one's version is the schema this build understands. */
export const MIGRATIONS: readonly Migration[] = [m001Initial, m002ImportDedupe, m003UndoJournal, m004Search, m005ChronologyIndexes, m006LibrarySortIndexes, m007TagIndexes, m008DateProvenance, m009SharedParagraphs, m010SearchDeltas, m011CaptureProvenance, m012OcrConfidence, m013DropParagraphIndex, m014Entities, m015EventOrganisations, m016FingerprintsByHashOnly, m017DuplicateOfIndex, m018ParagraphsAsOffsets, m019EntityMentionLog, m020ArticleLogOnce, m021NearDuplicatesByArticle, m022ParagraphWordsKey, m023MentionsByArticle, m024SearchMetaSnapshot, m025FileSizeIndex, m026RecentFingerprints, m027LogWordChanges]

/** Schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version
