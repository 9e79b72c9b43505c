import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

function readVersion(): string {
  // The package.json sits two levels above both src/main and out/main.
  for (const candidate of ['../../package.json', '../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string }
      if (pkg.name === 'annalist' && pkg.version) return pkg.version
    } catch {
      // Try the next location.
    }
  }
  return '0.0.0'
}

/** The app version from package.json. */
export const APP_VERSION = readVersion()
