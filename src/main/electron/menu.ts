import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { HOST_CHANNELS, type MenuCommand } from '../../shared/host'

/** The native menu; commands that need the UI are forwarded to the focused window. */
export function buildMenu(focused: () => BrowserWindow | null): Menu {
  const send = (command: MenuCommand) => () => focused()?.webContents.send(HOST_CHANNELS.menu, command)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { label: 'Open Archive…', accelerator: 'CmdOrCtrl+Shift+O', click: send('open-archive') },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { label: 'Backup…', click: send('backup') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' }
      ]
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find', accelerator: 'CmdOrCtrl+K', click: send('find') }
      ]
    },
    { label: '&View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { label: '&Help', submenu: [{ label: 'Keyboard Shortcuts', click: send('shortcuts') }] }
  ]
  return Menu.buildFromTemplate(template)
}
