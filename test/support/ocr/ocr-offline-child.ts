// Reads one generated page by OCR and prints what it read: run by ocr-offline.test.ts in a
// process whose network access is disabled (no-network.mjs).
import { parseSourceFile } from '../../../src/main/import/formats'
import { stopSharedOcrEngine } from '../../../src/main/import/ocr/engine'
import { pagePng } from './render-page'

const result = await parseSourceFile({ name: 'offline.png', bytes: pagePng([process.argv[2]!]), mtime: null })
process.stdout.write(`${JSON.stringify({ text: result.article.title, confidence: result.article.ocrConfidence })}\n`)
await stopSharedOcrEngine()
