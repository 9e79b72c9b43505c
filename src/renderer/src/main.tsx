import { LucideProvider } from 'lucide-react'
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
      {/* One size and class for every icon, so they scale with the text around them. */}
      <LucideProvider size="1.1em" className="icon">
        <ArchiveGate>
          <App />
        </ArchiveGate>
      </LucideProvider>
    </DataProvider>
  </StrictMode>
)
