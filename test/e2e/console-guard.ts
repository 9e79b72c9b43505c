/**
 * Fails a journey on any uncaught page error or console error. The only lines it lets through
 * are the ones a test names: Chromium itself logs every refused connection and every 401 as a
 * console error, which a page cannot prevent, so a journey that stops the server on purpose
 * allows exactly those.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

export interface ConsoleGuard {
  /** Lets matching console lines through from now on (network lines during a planned outage). */
  allow(pattern: RegExp): void
  /** Asserts nothing else was logged. */
  check(): void
}

/**
 * Chromium's own line for a request that found no server, or whose server went away under it
 * (SOCKET_NOT_CONNECTED: a kept-alive socket the stopping server closed, seen once at load 4–5).
 */
export const SERVER_GONE = /^Failed to load resource: net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE|SOCKET_NOT_CONNECTED)$/
/** Chromium's own line for a response with status 401. */
export const UNAUTHORIZED_RESPONSE = /^Failed to load resource: the server responded with a status of 401 \(Unauthorized\)$/

export function guardConsole(page: Page): ConsoleGuard {
  const allowed: RegExp[] = []
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`))
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return
    const text = msg.text()
    if (!allowed.some((p) => p.test(text))) errors.push(text)
  })
  return {
    allow: (pattern) => allowed.push(pattern),
    check: () => expect(errors, 'console errors and uncaught page errors').toEqual([])
  }
}
