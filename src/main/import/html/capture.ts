/**
 * When a saved page was captured, from what the saving tool wrote into it: SingleFile's header
 * comment ("saved date: Sun Mar 17 2024 10:04:05 GMT+0000") or a Wayback Machine address
 * (`web.archive.org/web/20240317100405/…`). The article cannot be newer than its capture.
 */
const SINGLEFILE = /<!--\s*Page saved with SingleFile[\s\S]{0,2000}?saved date:\s*([^\n]{8,80})/i
const WAYBACK = /web\.archive\.org\/web\/(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/

/** The capture time the page records, or null. `url` is the page's canonical address, if any. */
export function captureTime(html: string, url: string | null): Date | null {
  const comment = SINGLEFILE.exec(html.slice(0, 4000))
  if (comment) {
    const t = Date.parse(comment[1]!.replace(/\s*\(.*\)\s*$/, '').trim())
    if (Number.isFinite(t)) return new Date(t)
  }
  const wayback = WAYBACK.exec(url ?? '') ?? WAYBACK.exec(html.slice(0, 4000))
  if (wayback) {
    const [y, mo, d, h, mi, s] = wayback.slice(1).map(Number) as [number, number, number, number, number, number]
    const t = Date.UTC(y, mo - 1, d, h, mi, s)
    if (Number.isFinite(t) && new Date(t).getUTCDate() === d) return new Date(t)
  }
  return null
}
