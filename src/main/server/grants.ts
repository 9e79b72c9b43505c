import { resolve } from 'node:path'
import { unwrap } from '../../shared/client'
import type { AnnalistError } from '../../shared/errors'
import type { RecentArchive } from '../../shared/archive'
import type { BackendService } from '../host/service'
import { PathGrants, refuseUngranted } from '../security/path-grants'

/** What a refusal tells the person to do: browser mode has no dialogs, so grants come from the command line. */
export const HOW_TO_GRANT = 'start the server with `annalist serve --allow <folder>` to let the page use a folder, or upload the files through the page'

/**
 * Browser mode's path grants. A page has no native dialogs and cannot hand over a dropped
 * file's path, so the only paths it may name are those the person gave `annalist serve`
 * (`--allow`), real paths compared so links cannot lead out; an archive may also be re-opened
 * when it is the one open now (the one opened from the command line) or one opened before.
 */
export class BrowserGrants {
  private readonly grants = new PathGrants({ realPaths: true })

  constructor(
    private readonly backend: BackendService,
    allow: readonly string[]
  ) {
    for (const p of allow) this.grants.grant(p)
  }

  /** The refusal for a call naming a path nobody granted, or null. */
  async check(method: string, arg: unknown): Promise<AnnalistError | null> {
    const archives = method === 'openArchive' ? await this.knownArchives() : new Set<string>()
    return refuseUngranted(method, arg, (p) => archives.has(resolve(p)) || this.grants.allows(p), HOW_TO_GRANT)
  }

  private async knownArchives(): Promise<Set<string>> {
    // The list starts with the archive open now.
    const recent = unwrap(await this.backend.invoke('listRecentArchives', {})) as RecentArchive[]
    return new Set(recent.map((r) => r.path))
  }
}
