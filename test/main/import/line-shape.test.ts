import { describe, expect, it } from 'vitest'
import { lineShape } from '../../../src/main/import/dedupe/line-shape'

describe('lineShape', () => {
  it.each([
    ['a share bar', 'Share this story: Facebook | X | WhatsApp | Email'],
    ['a newsletter pitch speaking to the reader', 'Get the Valley Herald morning briefing delivered to your inbox before breakfast every weekday.'],
    ['a follow-us line', 'Follow us on Telegram and read the latest reports from the Northwind bureau as they come in.'],
    ['a copyright line', '© 2024 Northwind News Ltd. All rights reserved, including those of text and data mining.'],
    ['a "read more" label', 'Read more'],
    ['a byline set as a line', 'By Maria Silva, Lisbon bureau'],
    ['a Title Case link row', 'World Politics Business Technology Science Health Sports Entertainment Travel Opinion'],
    ['a line pointing elsewhere', 'The full report of the water board is published at https://water.example/report this morning.'],
    ['a comment-form notice', 'Your email address will not be published. Required fields are marked *'],
    ['a sentence with nothing to cite', 'Stallholders said the square would bring back shoppers who stopped coming when it was fenced off.'],
    ['a Russian subscription pitch', 'Подписывайтесь на наш канал, чтобы первыми узнавать о главных новостях региона.']
  ])('%s is furniture', (_, line) => {
    expect(lineShape(line)).toBe('furniture')
  })

  it.each([
    ['a background paragraph with numbers', 'The Alqueva dam, completed in 2002, holds the largest artificial lake in Western Europe.'],
    ['a spokeswoman’s quote', '"The gates will stay open until the level falls," said Marta Reis, a spokeswoman for the authority.'],
    ['a quote whose speaker says "we"', '“We are working with the army to restore the road,” the governor told reporters on Monday.'],
    ['a sentence naming people and places', 'Farmers in Moura moved cattle from the riverside meadows as the council closed the road.'],
    ['the US is not the reader', 'The US military said the convoy had reached the border crossing without incident.'],
    ['a Russian background sentence', 'Плотина Алкева, построенная в 2002 году, образует крупнейшее искусственное озеро Западной Европы.'],
    ['guillemets', '«Ситуация под контролем, эвакуация не требуется», — сказала представитель ведомства Марта Рейс.']
  ])('%s is copy', (_, line) => {
    expect(lineShape(line)).toBe('copy')
  })
})

describe('lineShape on long lines', () => {
  it('takes a few very long "words" for copy without running its patterns over them', () => {
    // A crafted run of letters: the e-mail pattern alone would backtrack over it quadratically.
    const crafted = `${'a'.repeat(200_000)} ${'b'.repeat(200_000)}`
    expect(lineShape(crafted)).toBe('copy')
    expect(lineShape('这是一个很长的段落'.repeat(150))).toBe('copy')
  })
})
