/** A file name derived from the export title: readable, safe on every filesystem. */
import { EXPORT_EXTENSIONS, type ExportFormat } from '../../shared/export'

/** `Panjshir, Aug–Sep 2021` → `panjshir-aug-sep-2021.md`; letters of any script are kept. */
export function exportFilename(title: string, format: ExportFormat): string {
  const slug = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return `${slug || 'chronology'}${EXPORT_EXTENSIONS[format]}`
}
