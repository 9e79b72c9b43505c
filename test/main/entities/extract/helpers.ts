import { extractMentions } from '../../../../src/main/entities/extract/index'

/** "kind:text" for each mention, as golden tests compare them. */
export function found(text: string, lang: string | null = 'en'): string[] {
  return extractMentions(text, lang).map((m) => `${m.kind}:${m.text}`)
}
