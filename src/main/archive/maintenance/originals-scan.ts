import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** What lies under originals/: content files by hash, and anything else found there. */
export interface OriginalsListing {
  /** hash → absolute path, for files laid out as `originals/ab/abcdef…`. */
  byHash: Map<string, string>
  /** Paths (relative to originals/) that are not originals, e.g. temp files of a killed import. */
  strays: string[]
}

const HASH = /^[0-9a-f]{64}$/

/** Lists originals/ without reading any file's content. */
export function scanOriginals(originalsDir: string): OriginalsListing {
  const byHash = new Map<string, string>()
  const strays: string[] = []
  let shards: string[]
  try {
    shards = readdirSync(originalsDir).sort()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { byHash, strays }
    throw err
  }
  for (const shard of shards) {
    const shardDir = join(originalsDir, shard)
    let names: string[]
    try {
      names = readdirSync(shardDir).sort()
    } catch {
      strays.push(shard)
      continue
    }
    for (const name of names) {
      if (HASH.test(name) && name.startsWith(shard)) byHash.set(name, join(shardDir, name))
      else strays.push(`${shard}/${name}`)
    }
  }
  return { byHash, strays }
}
