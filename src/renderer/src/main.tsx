import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { api, connection } from './api/client'
import { ArchiveGate } from './components/ArchiveGate'
import { DataProvider } from './data/DataProvider'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DataProvider client={api} connection={connection}>
      <ArchiveGate>
        <App />
      </ArchiveGate>
    </DataProvider>
  </StrictMode>
)
