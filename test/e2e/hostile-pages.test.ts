/**
 * Untrusted pages never run and never phone home. Hostile pages (scripts, inline handlers,
 * javascript:/data: URLs, SVG and MathML script, frames, meta refresh, remote images, styles and
 * fonts, CSS exfiltration) are imported and opened in the Reader, clean and original, in
 * Chromium with every request recorded and every request off the app's origin aborted.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import type { Frame, Page, Request } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runImport } from '../../src/main/import/pipeline'
import { FRAME_CSP } from '../../src/renderer/src/lib/sanitize'
import { openWorkbench, ROOT, screenshotOnFailure, type Workbench } from './support'

const HOSTILE = join(ROOT, 'test/fixtures/hostile')
const FILES = readdirSync(HOSTILE).filter((f) => f.endsWith('.html')).sort()

const TITLES: Record<string, string> = {
  'css-exfiltration.html': 'Grain prices steady ahead of harvest',
  'meta-refresh.html': 'Clinic reopens after repairs',
  'remote-resources.html': 'Flooding closes river crossings',
  'script-tags.html': 'Ministry statement on the northern pass',
  'svg-frames-forms.html': 'Bridge inspection delayed by survey dispute'
}

/** What the sanitized frame may contain: text structure, nothing else. */
const FRAME_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body',
  'article', 'section', 'header', 'footer', 'main', 'aside', 'div', 'span', 'p', 'br', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'q', 'cite',
  'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'time', 'del', 'ins',
  'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a'
])
/** Attributes that can load, link, run or style something; none may survive in article markup. */
const DANGEROUS_ATTR = /^(on|href$|src|srcset$|srcdoc$|background$|style$|action$|formaction$|poster$|data$|ping$|xlink:|class$|id$|name$|target$|http-equiv$)/i

interface FrameAudit {
  pwned: unknown
  title: string
  url: string
  scripts: number
  badTags: string[]
  badAttrs: string[]
  text: string
}

/** Looks at the sanitized frame from inside, through the debugger (page script cannot run there). */
async function auditFrame(frame: Frame): Promise<FrameAudit> {
  return frame.evaluate(
    ({ allowed, dangerous }) => {
      const allowedTags = new Set(allowed)
      const danger = new RegExp(dangerous, 'i')
      const badTags: string[] = []
      const badAttrs: string[] = []
      for (const el of Array.from(document.querySelectorAll('*'))) {
        const tag = el.tagName.toLowerCase()
        if (!allowedTags.has(tag)) badTags.push(tag)
        // The frame's own head (CSP meta, charset, style) is ours; the body is the article's.
        if (el.closest('head')) continue
        for (const attr of Array.from(el.attributes)) {
          if (danger.test(attr.name) || /javascript:|data:|vbscript:/i.test(attr.value)) badAttrs.push(`${tag}[${attr.name}=${attr.value}]`)
        }
      }
      return {
        pwned: (window as unknown as { pwned?: unknown }).pwned,
        title: document.title,
        url: location.href,
        scripts: document.scripts.length,
        badTags,
        badAttrs,
        text: document.body.innerText
      }
    },
    { allowed: [...FRAME_TAGS], dangerous: DANGEROUS_ATTR.source }
  )
}

describe('hostile pages in the Reader', () => {
  let wb: Workbench
  let origin: string
  let appTitle: string
  /** Off-origin requests that reached the network layer (the route handler); each is aborted there. */
  const foreign: string[] = []
  /** Off-origin requests the renderer started; those a CSP refused never leave the browser. */
  const attempted: Request[] = []
  const allRequests: string[] = []

  const isForeign = (url: string): boolean => !url.startsWith(`${origin}/`) && url !== 'about:srcdoc' && url !== 'about:blank'
  const record = (req: Request): void => {
    allRequests.push(req.url())
    if (isForeign(req.url())) attempted.push(req)
  }
  /**
   * Attempts since `from` that the browser itself did not refuse. Chromium refuses them as
   * "blocked:csp", or as "blocked:origin" when a cross-origin rule (an SVG <use> of another
   * origin) fires before the CSP check does; which one wins varies from run to run.
   */
  const refusedInBrowser = new Set(['csp', 'origin'])
  const escaped = (from: number): string[] =>
    attempted
      .slice(from)
      .filter((r) => !refusedInBrowser.has(r.failure()?.errorText ?? 'sent'))
      .map((r) => `${r.url()} (${r.failure()?.errorText ?? 'sent'})`)

  beforeAll(async () => {
    wb = await openWorkbench({
      setup: async (archive) => {
        const report = await runImport(archive, FILES.map((f) => ({ kind: 'path' as const, path: join(HOSTILE, f) })))
        if (report.failed.length > 0) throw new Error(`fixtures failed to import: ${JSON.stringify(report.failed)}`)
      }
    })
    origin = new URL(wb.server.url).origin
    // Everything not the app's own is recorded and aborted, so a leak fails fast instead of timing out on DNS.
    await wb.context.route('**/*', (route) => {
      const url = route.request().url()
      if (!isForeign(url)) return route.continue()
      foreign.push(url)
      return route.abort('blockedbyclient')
    })
    wb.context.on('request', record)
    appTitle = await wb.page.title()
  })

  afterAll(async () => {
    await wb?.close()
  })

  async function openArticle(page: Page, title: string): Promise<void> {
    await page.getByRole('listbox', { name: 'Articles' }).getByRole('option', { name: title }).click()
    await page.getByRole('heading', { name: title, level: 2 }).waitFor()
  }

  async function originalFrame(page: Page): Promise<Frame> {
    await page.getByRole('button', { name: 'Original', exact: true }).click()
    const iframe = page.locator('iframe.original-frame')
    await iframe.waitFor()
    const frame = await (await iframe.elementHandle())!.contentFrame()
    if (!frame) throw new Error('the original frame has no document')
    await frame.waitForLoadState('load')
    return frame
  }

  for (const file of FILES) {
    it(`${file}: clean and original views run nothing from the page and load nothing`, async () => {
      screenshotOnFailure(wb, `hostile-${file}`)
      const page = wb.page
      const title = TITLES[file]
      if (!title) throw new Error(`add ${file} to TITLES`)
      const before = foreign.length
      const tried = attempted.length
      await openArticle(page, title)
      expect(await page.locator('.reader-body .paragraph').count()).toBeGreaterThan(1)

      const frame = await originalFrame(page)
      const iframe = page.locator('iframe.original-frame')
      expect(await iframe.getAttribute('sandbox')).toBe('')
      const srcdoc = (await iframe.getAttribute('srcdoc')) ?? ''
      const cspAt = srcdoc.indexOf(`<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">`)
      expect(cspAt).toBeGreaterThan(0)
      expect(cspAt).toBeLessThan(srcdoc.indexOf('<body'))
      // Long enough for a 0-1 s meta refresh, lazy images and font loads to have happened if they could.
      await page.waitForTimeout(1500)

      const audit = await auditFrame(frame)
      expect(audit.url).toBe('about:srcdoc')
      expect(audit.pwned).toBeUndefined()
      expect(audit.title).not.toBe('pwned')
      expect(audit.scripts).toBe(0)
      expect(audit.badTags).toEqual([])
      expect(audit.badAttrs).toEqual([])
      expect(audit.text).toContain('(Wire)')

      await page.getByRole('button', { name: 'Clean text', exact: true }).click()
      await page.locator('.reader-body .paragraph').first().waitFor()

      expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned)).toBeUndefined()
      expect(await page.title()).toBe(appTitle)
      expect(page.url().startsWith(`${origin}/`)).toBe(true)
      expect(wb.context.pages()).toHaveLength(1)
      expect(foreign.slice(before)).toEqual([])
      expect(escaped(tried)).toEqual([])
    })
  }

  it('lists only http(s) links outside the frame and opens one only after confirming, without referrer or opener', async () => {
    screenshotOnFailure(wb, 'hostile-links')
    const page = wb.page
    await openArticle(page, TITLES['svg-frames-forms.html']!)
    await originalFrame(page)
    const list = page.locator('.original-links')
    if (await list.evaluate((el) => el.tagName === 'DETAILS')) await list.locator('summary').click()
    const urls = await list.locator('button[title]').evaluateAll((els) => els.map((e) => e.getAttribute('title')))
    expect(urls.sort()).toEqual(['http://archive.example/2019/bridge', 'https://ministry.example/bridges/report?id=41'])

    await page.evaluate(() => {
      const w = window as unknown as { __opened: unknown[][]; open: (...a: unknown[]) => null }
      w.__opened = []
      w.open = (...args: unknown[]) => {
        w.__opened.push(args)
        return null
      }
    })
    const report = list.getByRole('button', { name: 'the full report' })
    page.once('dialog', (d) => void d.dismiss())
    await report.click()
    expect(await page.evaluate(() => (window as unknown as { __opened: unknown[] }).__opened)).toEqual([])
    let asked = ''
    page.once('dialog', (d) => {
      asked = d.message()
      void d.accept()
    })
    await report.click()
    expect(asked).toContain('https://ministry.example/bridges/report?id=41')
    expect(await page.evaluate(() => (window as unknown as { __opened: unknown[] }).__opened)).toEqual([
      ['https://ministry.example/bridges/report?id=41', '_blank', 'noopener,noreferrer']
    ])
    await page.getByRole('button', { name: 'Clean text', exact: true }).click()
  })

  it('the frame alone holds even if sanitizing missed everything: raw hostile pages in a sandboxed srcdoc with the frame CSP, under a page without any CSP, three times each', async () => {
    const page = await wb.context.newPage()
    const before = foreign.length
    const tried = attempted.length
    try {
      await page.goto('about:blank')
      for (let round = 0; round < 3; round++) {
        for (const file of FILES) {
          const raw = readFileSync(join(HOSTILE, file), 'utf8')
          const doc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"></head><body>${raw}</body></html>`
          await page.evaluate((srcdoc) => {
            document.body.replaceChildren()
            const iframe = document.createElement('iframe')
            iframe.setAttribute('sandbox', '')
            iframe.srcdoc = srcdoc
            document.body.append(iframe)
          }, doc)
          await page.waitForTimeout(round === 0 ? 1500 : 400)
          const frame = await (await page.locator('iframe').elementHandle())!.contentFrame()
          expect(frame!.url(), file).toBe('about:srcdoc')
          expect(await frame!.evaluate(() => [(window as unknown as { pwned?: unknown }).pwned, document.title]), file).not.toContain('pwned')
          expect(await page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned), file).toBeUndefined()
        }
      }
      expect(foreign.slice(before)).toEqual([])
      expect(escaped(tried)).toEqual([])
      expect(wb.context.pages()).toHaveLength(2)
    } finally {
      await page.close()
    }
  })

  it('the sanitizer, run in Chromium, leaves only allow-listed tags and no attribute that can load or run anything', async () => {
    const bundle = await build({
      entryPoints: [join(ROOT, 'src/renderer/src/lib/sanitize.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'annalistSanitize',
      write: false,
      platform: 'browser',
      logLevel: 'silent'
    })
    const styled = '<p style="color:red" class="reader-body" id="root" name="x" data-x="1" aria-label="y">styled</p>'
    const okLink = '<a href="https://example.org/ok" ping="https://evil.example/p" target="_blank">ok</a>'
    const deep = '<p>' + '<b>'.repeat(5000) + 'deep' + '</b>'.repeat(5000) + '</p>'
    const vectors = [
      ...FILES.map((f) => readFileSync(join(HOSTILE, f), 'utf8')),
      '<img src=x onerror=alert(1)>',
      '<a href="javascript&colon;alert(1)">x</a><a href="java\tscript:alert(1)">y</a><a href="&#106;avascript:alert(1)">z</a>',
      '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
      '<form><button formaction=javascript:alert(1)>x</button></form><isindex action=javascript:alert(1)>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<table background="https://evil.example/t.png"><tr><td style="background:url(https://evil.example/x)">x</td></tr></table>',
      styled,
      okLink,
      '<div><style>*{background:url(https://evil.example/s)}</style><link rel=stylesheet href=https://evil.example/l.css>text</div>',
      '<object data="https://evil.example/o"></object><embed src="https://evil.example/e"><iframe src="https://evil.example/f"></iframe>',
      '<video poster="https://evil.example/p.png"><source src="https://evil.example/v.mp4"></video><audio src="https://evil.example/a.mp3"></audio>',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">',
      deep
    ]
    const page = await wb.context.newPage()
    const before = foreign.length
    const tried = attempted.length
    try {
      await page.goto('about:blank')
      await page.evaluate(bundle.outputFiles[0]!.text)
      const results = await page.evaluate(
        ({ inputs, allowed, dangerous }) => {
          const { sanitizeArticleHtml } = (window as unknown as {
            annalistSanitize: { sanitizeArticleHtml(html: string): { document: string; links: { url: string }[] } }
          }).annalistSanitize
          const allowedTags = new Set(allowed)
          const danger = new RegExp(dangerous, 'i')
          return inputs.map((input) => {
            const safe = sanitizeArticleHtml(input)
            const doc = new DOMParser().parseFromString(safe.document, 'text/html')
            const bad: string[] = []
            for (const el of Array.from(doc.querySelectorAll('*'))) {
              const tag = el.tagName.toLowerCase()
              if (!allowedTags.has(tag)) bad.push(tag)
              if (el.closest('head')) continue
              for (const attr of Array.from(el.attributes)) {
                if (danger.test(attr.name) || /javascript:|data:|vbscript:|url\(/i.test(attr.value)) bad.push(`${tag}[${attr.name}]`)
              }
            }
            const headOk =
              doc.head.querySelector('meta[http-equiv]')?.getAttribute('content')?.startsWith("default-src 'none'") === true &&
              doc.head.querySelectorAll('script, link, base').length === 0 &&
              Array.from(doc.head.querySelectorAll('meta[http-equiv]')).length === 1
            return { bad, headOk, links: safe.links.map((l) => l.url), text: doc.body.textContent ?? '' }
          })
        },
        { inputs: vectors, allowed: [...FRAME_TAGS], dangerous: DANGEROUS_ATTR.source }
      )
      for (const [i, r] of results.entries()) {
        expect(r.bad, vectors[i]!.slice(0, 80)).toEqual([])
        expect(r.headOk, vectors[i]!.slice(0, 80)).toBe(true)
        for (const url of r.links) expect(url).toMatch(/^https?:\/\/[^/]/)
      }
      expect(results[vectors.indexOf(styled)]!.text).toContain('styled')
      expect(results[vectors.indexOf(okLink)]!.links).toEqual(['https://example.org/ok'])
      expect(results[vectors.indexOf(deep)]!.text).toContain('deep')
      expect(foreign.slice(before)).toEqual([])
      expect(escaped(tried)).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('the browser-mode page is served with a CSP that names no remote origin', async () => {
    const res = await fetch(`${origin}/`)
    const csp = res.headers.get('content-security-policy') ?? ''
    const directives = csp.split(';').map((d) => d.trim().split(/\s+/))
    expect(directives.map((d) => d[0])).toEqual(expect.arrayContaining(['default-src', 'script-src', 'connect-src', 'img-src', 'font-src', 'style-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors']))
    for (const [name, ...sources] of directives) {
      for (const source of sources) expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:'], `${name} ${source}`).toContain(source)
    }
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('recorded requests: none reached the network off the app origin; every off-origin attempt was refused inside the browser', () => {
    expect(allRequests.length).toBeGreaterThan(0)
    expect(foreign).toEqual([])
    expect(escaped(0)).toEqual([])
    expect(wb.foreignRequests).toEqual([])
  })
})
