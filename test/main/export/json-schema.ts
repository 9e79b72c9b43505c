/** The JSON export's schema as zod: the test parses every export with it, and docs embed its JSON Schema. */
import { z } from 'zod'
import { CAPTURE_TOOLS } from '../../../src/shared/types'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('`YYYY-MM-DD`')
const text = z.string()
const nullableText = z.string().nullable()

const passage = z
  .object({
    exact: nullableText.describe('The quoted passage; null when exported without quotes.'),
    prefix: nullableText.describe('About 32 characters before the passage (W3C TextQuoteSelector); null without quotes.'),
    suffix: nullableText.describe('About 32 characters after the passage; null without quotes.'),
    start: z.number().int().min(0).describe('Offset of the first character in the article’s clean text (W3C TextPositionSelector).'),
    end: z.number().int().min(0).describe('Offset after the last character (exclusive).')
  })
  .strict()

const citation = z
  .object({
    id: z.number().int(),
    articleId: z.number().int().describe('Key into `articles`.'),
    stance: z.enum(['supports', 'contradicts']),
    passage,
    textHash: text.describe('sha256 of the clean text the anchor was made against.'),
    orphaned: z.boolean().describe('True when the passage can no longer be found exactly in the article.'),
    paragraph: z.number().int().min(1).nullable().describe('1-based paragraph holding the passage; null when orphaned.'),
    page: z.number().int().min(1).nullable().describe('Page of a paginated original (PDF), else null.'),
    locator: nullableText.describe('`p. 4` or `para. 3`, as printed in footnotes.'),
    note: nullableText,
    link: nullableText.describe('`annalist://article/<id>#<start>-<end>` when exported with links, else null.'),
    createdAt: text
  })
  .strict()

const event = z
  .object({
    id: z.number().int(),
    title: text,
    note: text.describe('Markdown written by the user.'),
    date: z
      .object({
        edtf: text.describe('EDTF level 1: `2021-08-15`, `2021-08`, `2021`, `2021-08-30/2021-08-31`, `2021-08-23~`, `2021-09-03?`, `2021-08-31T23:00+04:30`.'),
        earliest: day.describe('First possible day.'),
        latest: day.describe('Last possible day.'),
        display: text.describe('The date as a person writes it: "30–31 August 2021".')
      })
      .strict(),
    status: z.enum(['reported', 'confirmed', 'disputed', 'denied']),
    tags: z.array(text),
    people: z.array(text),
    organisations: z.array(text),
    places: z.array(text),
    chronologyIds: z.array(z.number().int()),
    citations: z.array(citation),
    createdAt: text,
    updatedAt: text
  })
  .strict()

const article = z
  .object({
    id: z.number().int(),
    title: text,
    outlet: nullableText,
    byline: nullableText,
    published: z
      .object({
        edtf: text,
        precision: z.enum(['day', 'month', 'year']),
        provenance: z.enum(['meta', 'dateline', 'text', 'weekday', 'capture', 'file', 'import', 'related', 'user']),
        display: text
      })
      .strict()
      .nullable(),
    url: nullableText,
    fileName: nullableText.describe('Name of the imported file.'),
    language: nullableText.describe('BCP 47 language of the article when known.'),
    capture: z
      .object({
        tool: z.enum(CAPTURE_TOOLS).describe('The capturing tool: MHTML saved page, SingleFile, WARC or WACZ web archive, mailbox.'),
        url: nullableText.describe('The captured address (WARC-Target-URI, Snapshot-Content-Location, SingleFile url).'),
        capturedAt: nullableText.describe('Capture time, ISO 8601 in UTC.'),
        software: nullableText.describe('Capturing software when the capture names it (a WARC’s warcinfo).'),
        member: nullableText.describe('Entry of a WACZ, or attachment name in a mailbox message.'),
        offset: z.number().int().min(0).nullable().describe('Byte offset of the WARC record (or its gzip member) or mbox message.')
      })
      .strict()
      .nullable()
      .describe('Where the article was captured; null when it was not a capture.')
  })
  .strict()

/** Version 1 of the `annalist-chronology` JSON export. */
export const chronologyJsonSchema = z
  .object({
    format: z.literal('annalist-chronology'),
    version: z.literal(1).describe('Bumped on any change that could break a reader.'),
    title: text,
    preamble: text,
    generatedAt: nullableText.describe('Only when the exporter was given a timestamp; exports are otherwise reproducible byte for byte.'),
    chronology: z.object({ id: z.number().int(), name: text, description: text }).strict().nullable().describe('Null when every event in the archive was exported.'),
    selection: z
      .object({
        from: nullableText,
        to: nullableText,
        tags: z.array(text),
        statuses: z.array(z.enum(['reported', 'confirmed', 'disputed', 'denied'])),
        quotes: z.boolean(),
        bothSides: z.boolean().describe('False when contradicting citations were left out.')
      })
      .strict()
      .describe('The filters the export was made with.'),
    events: z.array(event).describe('In chronological order: earliest day, then precision, time of day, latest day, id.'),
    articles: z.array(article).describe('Every article a citation points at, by id.')
  })
  .strict()
