import { useState } from 'react'
import { switchToken } from '../api/client'

/** The token in a pasted workbench URL (`…/#token=…`), or the pasted text itself when it is a bare token. */
export function tokenFromPaste(text: string): string | null {
  const trimmed = text.trim()
  const inUrl = /[#&]token=([^&\s]+)/.exec(trimmed)
  if (inUrl) return decodeURIComponent(inUrl[1]!)
  return /^[A-Za-z0-9_-]{20,}$/.test(trimmed) ? trimmed : null
}

/**
 * Shown instead of the workbench when the browser-mode server refuses this page's token (or it
 * has none): an empty-looking archive would suggest the user's work is gone.
 */
export function TokenScreen({ tokenGiven }: { tokenGiven: boolean }): React.JSX.Element {
  const [pasted, setPasted] = useState('')
  const token = tokenFromPaste(pasted)
  return (
    <main className="token-screen" aria-labelledby="token-screen-title">
      <h1 id="token-screen-title">{tokenGiven ? 'This page’s key was not accepted' : 'This page was opened without its key'}</h1>
      <p>
        Your archive is safe: this tab is just not allowed to read it.{' '}
        {tokenGiven
          ? 'The server was started with a different token (for example after annalist serve --new-token), or the link was copied from another archive.'
          : 'The Annalist server only answers pages opened with the full URL it prints, which ends in #token=…; this link lost that part.'}
      </p>
      <h2>How to get the right URL</h2>
      <ol>
        <li>
          Look in the terminal where <code>annalist serve</code> runs: it prints <q>Open http://127.0.0.1:…/#token=…</q>. Open that URL; it stays the
          same for this archive every time the server starts.
        </li>
        <li>
          The token is kept in a file only you can read, in Annalist’s configuration folder under <code>serve/</code> (on Linux{' '}
          <code>~/.config/Annalist/serve/</code>). <code>annalist serve --new-token</code> replaces it when it may have leaked.
        </li>
      </ol>
      <form
        className="token-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (token) switchToken(token)
        }}
      >
        <label htmlFor="token-paste">Paste the URL the server printed</label>
        <input id="token-paste" value={pasted} onChange={(e) => setPasted(e.target.value)} spellCheck={false} autoComplete="off" />
        <button type="submit" className="primary" disabled={!token}>
          Open with this URL
        </button>
      </form>
    </main>
  )
}
