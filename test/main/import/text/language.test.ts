import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LANGUAGE_CANDIDATES, STOPWORDS, detectLanguage, dominantScript, scriptOf } from '../../../../src/main/import/text/language'

describe('detectLanguage', () => {
  it.each([
    ['en', 'The government said on Monday that it would not change the plan, and that the talks with the unions were over.'],
    ['ru', 'Правительство заявило в понедельник, что не будет менять план, и что переговоры с профсоюзами окончены. Это было сказано после встречи.'],
    ['uk', 'Уряд заявив у понеділок, що не змінюватиме план, і що переговори з профспілками завершені. Він також сказав, що це остаточне рішення.'],
    ['fr', "Le gouvernement a déclaré lundi qu'il ne changerait pas le plan et que les discussions avec les syndicats étaient terminées."],
    ['de', 'Die Regierung hat am Montag erklärt, dass sie den Plan nicht ändern wird und dass die Gespräche mit den Gewerkschaften beendet sind.'],
    ['es', 'El gobierno dijo el lunes que no cambiará el plan y que las conversaciones con los sindicatos han terminado para este año.'],
    ['it', 'Il governo ha detto lunedì che non cambierà il piano e che i colloqui con i sindacati sono finiti, anche per questo anno.'],
    ['pt', 'O governo disse na segunda-feira que não vai mudar o plano e que as conversas com os sindicatos terminaram para este ano.'],
    ['pl', 'Rząd powiedział w poniedziałek, że nie zmieni planu i że rozmowy ze związkami są zakończone. To jest ostateczna decyzja.'],
    ['ar', 'قال المتحدث باسم الحكومة في مؤتمر صحفي إن الحكومة لن تغير الخطة التي أعلنت عنها في وقت سابق من هذا العام'],
    ['fa', 'سخنگوی دولت در یک نشست خبری گفت که دولت برنامه خود را تغییر نمی دهد و این تصمیم نهایی است'],
    ['el', 'Η κυβέρνηση δήλωσε τη Δευτέρα ότι δεν θα αλλάξει το σχέδιο και ότι οι συνομιλίες έχουν τελειώσει.'],
    ['ja', '政府は月曜日、計画を変更しないと発表した。労働組合との協議は終わったという。']
  ])('%s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang)
  })

  it('decides as counting stopwords per candidate language in a map does, ties to the first candidate', () => {
    // The definition, as the first version wrote it.
    const index = new Map<string, string[]>()
    for (const [l, words] of Object.entries(STOPWORDS)) for (const w of words.split(' ')) index.set(w, [...(index.get(w) ?? []), l])
    const reference = (text: string): string | null => {
      const script = dominantScript(text)
      if (script === null) return null
      const candidates = LANGUAGE_CANDIDATES[script]
      if (candidates === undefined) return script
      const words = text.slice(0, 20000).toLowerCase().match(/[\p{L}\p{M}'’]+/gu) ?? []
      if (words.length < 8) return null
      const hits = new Map(candidates.map((c) => [c, 0]))
      for (const w of words) for (const l of index.get(w) ?? []) if (hits.has(l)) hits.set(l, hits.get(l)! + 1)
      if (script === 'cyrillic') {
        hits.set('uk', hits.get('uk')! + (text.match(/[іїєґ]/giu) ?? []).length * 0.5)
        hits.set('ru', hits.get('ru')! + (text.match(/[ыэё]/giu) ?? []).length * 0.5)
      }
      if (script === 'arabic') hits.set('fa', hits.get('fa')! + (text.match(/[پچژگ]/gu) ?? []).length * 0.5)
      let best: string | null = null
      for (const [c, n] of hits) if (best === null || n > hits.get(best)!) best = c
      const score = hits.get(best!)!
      return score >= 3 && score / words.length >= 0.04 ? best : null
    }
    // Stopwords several lists share (la, de, in, и, в), capitals, letters one language uses,
    // words no list holds, and texts short enough that ties and thresholds decide.
    const word = fc.constantFrom('la', 'de', 'in', 'die', 'und', 'The', 'el', 'que', 'è', 'și', 'и', 'в', 'не', 'і', 'що', 'да', 'ы', 'ї', 'في', 'در', 'گ', 'word', 'слово', 'كلمة', "l'État", 'don’t', 'it’s')
    fc.assert(
      fc.property(fc.array(word, { minLength: 0, maxLength: 40 }), fc.constantFrom(' ', ', ', '\n'), (words, gap) => {
        const text = words.join(gap)
        expect(detectLanguage(text)).toBe(reference(text))
      }),
      { numRuns: 3000 }
    )
  })

  it('returns null for text too short or without stopwords', () => {
    expect(detectLanguage('Hello')).toBeNull()
    expect(detectLanguage('Xyzzy plugh frobozz quux blorb zorkmid grue flathead wibble')).toBeNull()
  })
})

describe('dominantScript', () => {
  it('picks the script a count of every letter by its range picks, ties to the script seen first', () => {
    // The definition: every letter counted by scriptOf in one map, in the order scripts appear.
    const reference = (text: string): string | null => {
      const counts = new Map<string, number>()
      let letters = 0
      for (let i = 0; i < Math.min(text.length, 8000); i++) {
        const code = text.charCodeAt(i)
        if (code < 0x41 || code === 0xd7 || code === 0xf7) continue
        const key = scriptOf(code)
        if (key === null) continue
        letters++
        counts.set(key, (counts.get(key) ?? 0) + 1)
      }
      if (letters < 20) return null
      let best: string | null = null
      for (const [k, v] of counts) if (best === null || v > counts.get(best)!) best = k
      if (best === 'zh' && (counts.get('ja') ?? 0) > letters * 0.05) return 'ja'
      return best
    }
    // Single letters of few scripts in short texts, so ties are common.
    const piece = fc.constantFrom('a', 'Z', 'é', 'ÿ', 'Ж', 'д', 'م', '中', 'カ', ' ', '1', '[', '`', '{', '×', 'ẞ', 'Ω')
    fc.assert(
      fc.property(fc.array(piece, { minLength: 20, maxLength: 60 }), (pieces) => {
        const text = pieces.join('')
        expect(dominantScript(text)).toBe(reference(text))
      }),
      { numRuns: 1000 }
    )
    // Ties, either way round.
    expect(dominantScript(`${'ж'.repeat(20)}${'a'.repeat(20)}`)).toBe('cyrillic')
    expect(dominantScript(`${'a'.repeat(20)}${'ж'.repeat(20)}`)).toBe('latin')
  })
})
