import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { api } from './api/client'
import { DataProvider } from './data/DataProvider'
import './styles.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DataProvider client={api}>
      <App />
    </DataProvider>
  </StrictMode>
)
