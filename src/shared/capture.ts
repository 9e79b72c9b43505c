/** How capture provenance reads in the Reader and in every export's citations. */
import type { CaptureProvenance, CaptureTool } from './types'

/** The capturing tool as people name it. */
export const CAPTURE_TOOL_NAMES: Readonly<Record<CaptureTool, string>> = {
  mhtml: 'MHTML saved page',
  singlefile: 'SingleFile',
  warc: 'WARC web archive',
  wacz: 'WACZ web archive',
  mbox: 'mailbox (mbox)'
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "31 Aug 2021 14:02 UTC" for a stored capture time (ISO 8601, UTC); never the viewer's zone. */
export function captureTimeText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)
  if (!m) return iso
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]} ${m[4]}:${m[5]} UTC`
}

/**
 * The capture as a citation says it, as archivists and courts expect of web evidence:
 * "captured 31 Aug 2021 14:02 UTC from https://…" (either half alone when the other is unknown);
 * null when the capture records neither.
 */
export function captureClause(capture: CaptureProvenance, url: (address: string) => string = (a) => a): string | null {
  const when = capture.capturedAt ? ` ${captureTimeText(capture.capturedAt)}` : ''
  const from = capture.url ? ` from ${url(capture.url)}` : ''
  return when || from ? `captured${when}${from}` : null
}
