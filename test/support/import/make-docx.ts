import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate'

/**
 * Writes a minimal but valid .docx (Office Open XML) with one Word paragraph per string, for
 * import tests, plus helpers to forge the damage a hostile file could carry.
 */

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A .docx whose body holds the given paragraphs; `author` fills docProps/core.xml. */
export function makeDocx(paragraphs: readonly string[], author?: string): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`).join('')
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`
    ),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Document1.docx</dc:title>${author ? `<dc:creator>${escapeXml(author)}</dc:creator>` : ''}</cp:coreProperties>`
    )
  }
  return zipSync(files)
}

/** A plain ZIP archive with one text entry (not a Word document). */
export function makeZip(name: string, text: string): Uint8Array {
  return zipSync({ [name]: strToU8(text) })
}

/**
 * Rewrites the declared uncompressed size of one entry in the ZIP central directory, the way a
 * zip bomb announces gigabytes behind a few kilobytes.
 */
export function forgeUncompressedSize(zip: Uint8Array, entryName: string, size: number): Uint8Array {
  const out = new Uint8Array(zip)
  const view = new DataView(out.buffer)
  const name = new TextEncoder().encode(entryName)
  for (let p = 0; p + 46 <= out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue
    const nameLen = view.getUint16(p + 28, true)
    const here = out.subarray(p + 46, p + 46 + nameLen)
    if (nameLen === name.length && here.every((b, i) => b === name[i])) {
      view.setUint32(p + 24, size, true)
      return out
    }
  }
  throw new Error(`no central directory entry named ${entryName}`)
}

/**
 * A .docx whose word/document.xml inflates to `inflatedBytes` of zeros while its directory
 * declares `declaredBytes`: the lie of the zip bombs that passed the old guard. Deflated in
 * steps, so building a large one costs little memory.
 */
export function makeLyingBomb(inflatedBytes: number, declaredBytes = 4096): Uint8Array {
  const chunks: Uint8Array[] = []
  const zip = new Zip((err, data) => {
    if (err) throw err
    chunks.push(data)
  })
  const parts = unzipSync(makeDocx(['Bomb']))
  for (const [name, data] of Object.entries(parts)) {
    if (name === 'word/document.xml') continue
    const entry = new ZipDeflate(name)
    zip.add(entry)
    entry.push(data, true)
  }
  const document = new ZipDeflate('word/document.xml', { level: 9 })
  zip.add(document)
  const step = new Uint8Array(1 << 20)
  for (let left = inflatedBytes; left > 0; left -= step.length) {
    document.push(left > step.length ? step : step.subarray(0, left), left <= step.length)
  }
  zip.end()
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  return forgeUncompressedSize(bytes, 'word/document.xml', declaredBytes)
}
