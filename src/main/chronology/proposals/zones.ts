/**
 * UTC offsets (minutes) of places and "X time" zone words news copy uses. Only places without
 * daylight-saving time in the 2020s are listed, so a fixed offset is right all year; anything
 * else keeps its time without an offset rather than guessing.
 */
const OFFSETS: Record<string, number> = {
  moscow: 180,
  kabul: 270,
  afghan: 270,
  afghanistan: 270,
  cairo: 120,
  egypt: 120,
  minsk: 180,
  istanbul: 180,
  ankara: 180,
  turkey: 180,
  baghdad: 180,
  riyadh: 180,
  doha: 180,
  kuwait: 180,
  nairobi: 180,
  'addis ababa': 180,
  dubai: 240,
  'abu dhabi': 240,
  baku: 240,
  yerevan: 240,
  tbilisi: 240,
  islamabad: 300,
  karachi: 300,
  lahore: 300,
  pakistan: 300,
  tashkent: 300,
  dushanbe: 300,
  'new delhi': 330,
  delhi: 330,
  mumbai: 330,
  india: 330,
  indian: 330,
  kathmandu: 345,
  dhaka: 360,
  bishkek: 360,
  almaty: 360,
  yangon: 390,
  bangkok: 420,
  jakarta: 420,
  hanoi: 420,
  beijing: 480,
  china: 480,
  'hong kong': 480,
  singapore: 480,
  manila: 480,
  'kuala lumpur': 480,
  taipei: 480,
  tokyo: 540,
  japan: 540,
  seoul: 540,
  pyongyang: 540,
  johannesburg: 120,
  pretoria: 120,
  lagos: 60,
  accra: 0,
  reykjavik: 0,
  caracas: -240,
  'buenos aires': -180,
  gmt: 0,
  utc: 0
}

/** Offset of a place or zone word (case-insensitive), or null when unknown. */
export function zoneOffset(name: string | null | undefined): number | null {
  if (!name) return null
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ')
  return key in OFFSETS ? OFFSETS[key]! : null
}
