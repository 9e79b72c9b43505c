import { describe, expect, it } from 'vitest'
import { detectLanguage } from '../../../../src/main/import/text/language'

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

  it('returns null for text too short or without stopwords', () => {
    expect(detectLanguage('Hello')).toBeNull()
    expect(detectLanguage('Xyzzy plugh frobozz quux blorb zorkmid grue flathead wibble')).toBeNull()
  })
})
