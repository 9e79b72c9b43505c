import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultArchiveDir, userDataDir } from '../../../src/main/archive/location'

describe('defaultArchiveDir', () => {
  it('takes ANNALIST_ARCHIVE when set, else the archive folder inside userData', () => {
    expect(defaultArchiveDir({ ANNALIST_ARCHIVE: '/data/mine' }, '/profile')).toBe('/data/mine')
    expect(defaultArchiveDir({ ANNALIST_ARCHIVE: '  ' }, '/profile')).toBe(join('/profile', 'archive'))
    expect(defaultArchiveDir({}, '/profile')).toBe(join('/profile', 'archive'))
    const env = { XDG_CONFIG_HOME: '/xdg' }
    expect(defaultArchiveDir(env)).toBe(join(userDataDir(env), 'archive'))
  })

  it('finds userData where Electron puts it for an app named Annalist', () => {
    expect(userDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux')).toBe(join('/xdg', 'Annalist'))
    expect(userDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Annalist'))
  })
})
