import type { ExportFormat, ExportOptions } from '../../../src/shared/export'
import { renderExport } from '../../../src/main/export'
import { fixtureChronology, fixtureEvents } from '../../fixtures/export/chronology'

/** The golden cases of the event renderers: every format but `ftm` (whole archive; ftm.test.ts) on the fixture chronology, and Markdown under each option. */
export const GOLDEN_CASES: { name: string; format: Exclude<ExportFormat, 'ftm'>; all?: boolean; options: ExportOptions }[] = [
  { name: 'chronology.md', format: 'md', options: { chronologyId: 1, bibliography: true } },
  { name: 'all-year-noquotes-links.md', format: 'md', all: true, options: { group: 'year', quotes: false, links: true, bothSides: false, title: 'Everything in the archive', preamble: '' } },
  { name: 'filtered-flat.md', format: 'md', options: { chronologyId: 1, group: 'none', from: '2021-08-30', to: '2021-09', statuses: ['confirmed', 'disputed'], generatedAt: '2021-10-05' } },
  { name: 'tag-talks.md', format: 'md', options: { chronologyId: 1, tags: ['TALKS'] } },
  { name: 'chronology.csv', format: 'csv', options: { chronologyId: 1 } },
  { name: 'chronology.json', format: 'json', options: { chronologyId: 1 } },
  { name: 'chronology.timeline.json', format: 'timelinejs', options: { chronologyId: 1 } },
  { name: 'chronology.csl.json', format: 'csl', options: { chronologyId: 1 } }
]

/** Renders one golden case over the fixture. */
export function renderCase(c: (typeof GOLDEN_CASES)[number]): string {
  return renderExport(c.format, fixtureEvents, c.all ? null : fixtureChronology, c.options).content
}
