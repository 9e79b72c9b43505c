/**
 * Writes small but real PDF files by hand (no network, no PDF library), for import tests.
 * Each page is a list of text lines set in Helvetica; a page may instead carry only a drawn
 * rectangle, like a scanned page without a text layer.
 */

/** One page: lines of text, or nothing (a page without a text layer). */
export interface PdfPage {
  lines?: readonly string[]
  /** Font size in points; lines are set 1.4× apart. */
  size?: number
  /** Font size of single lines, by index, overriding `size` (a headline set larger). */
  sizes?: Readonly<Record<number, number>>
  /** Extra blank-line gaps: indexes of lines preceded by a paragraph gap. */
  gapsBefore?: readonly number[]
}

function escapePdfString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')
}

function content(page: PdfPage): string {
  if (!page.lines) return '0.5 g 72 500 300 200 re f\n'
  const size = page.size ?? 11
  const lead = size * 1.4
  let y = 760
  const ops: string[] = []
  page.lines.forEach((line, i) => {
    if (page.gapsBefore?.includes(i)) y -= lead
    ops.push(`BT /F1 ${page.sizes?.[i] ?? size} Tf 72 ${y.toFixed(1)} Td (${escapePdfString(line)}) Tj ET`)
    y -= lead
  })
  return ops.join('\n') + '\n'
}

/** A PDF document with the given pages, as bytes (Latin-1 text only). */
export function makePdf(pages: readonly PdfPage[], info: { title?: string; author?: string } = {}): Uint8Array {
  const objects: string[] = []
  const pageIds = pages.map((_, i) => 4 + i * 2)
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>'
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'
  pages.forEach((page, i) => {
    const id = pageIds[i]!
    const stream = content(page)
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`
    objects[id + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`
  })
  const infoId = objects.length
  const infoEntries = [info.title ? `/Title (${escapePdfString(info.title)})` : '', info.author ? `/Author (${escapePdfString(info.author)})` : '']
  objects[infoId] = `<< ${infoEntries.join(' ')} >>`
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1')
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`
  }
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}
