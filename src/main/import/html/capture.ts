/**
 * What a saving tool wrote into a page about its capture. SingleFile puts a comment first in the
 * document:
 *
 *   <!--
 *    Page saved with SingleFile
 *    url: https://example.org/story
 *    saved date: Tue Aug 31 2021 16:02:11 GMT+0200 (Central European Summer Time)
 *   -->
 *
 * (older versions said "Archive processed by SingleFile"). A Wayback Machine address
 * (`web.archive.org/web/20240317100405/…`) carries its capture time too. The article cannot be
 * newer than its capture.
 */
const SINGLEFILE = /<!--\s*(?:Page saved|Archive processed) with SingleFile\b([\s\S]{0,2000}?)-->/i
const WAYBACK = /web\.archive\.org\/web\/(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/

/** Where the SingleFile header stands: near the top, after the doctype and the <html> tag. */
const HEAD_CHARS = 4000

/** The address and save time a SingleFile header records (either may be missing). */
export interface SingleFileCapture {
  url: string | null
  saved: Date | null
}

function field(comment: string, name: string): string | null {
  const m = new RegExp(`^\\s*${name}:[ \\t]*(\\S[^\\n]*?)\\s*$`, 'im').exec(comment)
  return m ? m[1]! : null
}

/** The SingleFile header of a page, or null when SingleFile did not save it. */
export function singleFileCapture(html: string): SingleFileCapture | null {
  const comment = SINGLEFILE.exec(html.slice(0, HEAD_CHARS))
  if (!comment) return null
  const url = field(comment[1]!, 'url')
  const date = field(comment[1]!, 'saved date')
  // "(Central European Summer Time)" is for people; Date.parse reads the offset before it.
  const t = date === null ? NaN : Date.parse(date.replace(/\s*\(.*\)\s*$/, ''))
  return { url: url !== null && /^[a-z][a-z0-9+.-]*:\S+$/i.test(url) ? url : null, saved: Number.isFinite(t) ? new Date(t) : null }
}

/** The capture time the page records, or null. `url` is the page's canonical address, if any. */
export function captureTime(html: string, url: string | null): Date | null {
  const saved = singleFileCapture(html)?.saved
  if (saved) return saved
  const wayback = WAYBACK.exec(url ?? '') ?? WAYBACK.exec(html.slice(0, HEAD_CHARS))
  if (wayback) {
    const [y, mo, d, h, mi, s] = wayback.slice(1).map(Number) as [number, number, number, number, number, number]
    const t = Date.UTC(y, mo - 1, d, h, mi, s)
    if (Number.isFinite(t) && new Date(t).getUTCDate() === d) return new Date(t)
  }
  return null
}

/** A capture time as stored: ISO 8601 in UTC to the second (`2021-08-31T14:02:11Z`). */
export function captureStamp(at: Date | null): string | null {
  if (at === null || !Number.isFinite(at.getTime())) return null
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
