/**
 * Capture files written the way the capturing tools write them, for import tests: an MHTML as
 * Chrome saves it, a SingleFile page, WARC files (plain and per-record gzip) with a warcinfo,
 * pages, a redirect, assets, requests and a revisit, a WACZ with its pages.jsonl, and an mbox
 * with a reply thread and attachments. All text is written here for the tests.
 */
import { gzipSync } from 'node:zlib'
import { strToU8, zipSync } from 'fflate'
import { makePdf } from './make-pdf'

/** A small news page; `extra` goes in the head. */
export function storyPage(title: string, paragraphs: readonly string[], extra = ''): string {
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<title>${title} | The Harbour Courier</title>`,
    '<meta property="og:site_name" content="The Harbour Courier">',
    extra,
    '</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article>',
    `<h1>${title}</h1>`,
    ...paragraphs.map((p) => `<p>${p}</p>`),
    '</article></main><footer>© The Harbour Courier</footer></body></html>'
  ].join('\n')
}

export const CAPTURE_STORY = [
  'The harbour authority voted on Tuesday to close the northern quay to container ships for the whole of the winter season.',
  'Dock workers said the decision, taken after a storm damaged two cranes, would move about a third of the traffic to the southern terminal.',
  'The authority’s chair, Marit Olsen, said repairs would cost “well over eleven million” and take until the spring.'
]

/** Quoted-printable as Chrome writes it: `=` and non-ASCII bytes escaped, lines cut at 76 with soft breaks. */
function quotedPrintable(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  const lines: string[] = []
  let line = ''
  const push = (token: string): void => {
    if (line.length + token.length > 75) {
      lines.push(`${line}=`)
      line = ''
    }
    line += token
  }
  for (const b of bytes) {
    if (b === 0x0a) {
      lines.push(line)
      line = ''
    } else if (b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09)) push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`)
    else push(String.fromCharCode(b))
  }
  lines.push(line)
  return lines.join('\r\n')
}

/** An MHTML file laid out like Chrome's "Webpage, Single File": page quoted-printable, an image in base64. */
export function makeMhtml(opts: { url: string; date: string; title: string; paragraphs: readonly string[] }): Uint8Array {
  const boundary = '----MultipartBoundary--Qx7LmWbd2vNkT8eRZs4fJc1uHyGpA0oXiE3aSDtFK9----'
  const html = storyPage(opts.title, opts.paragraphs)
  return strToU8(
    [
      'From: <Saved by Blink>',
      `Snapshot-Content-Location: ${opts.url}`,
      `Subject: ${opts.title}`,
      `Date: ${opts.date}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      `\tboundary="${boundary}"`,
      '',
      '',
      `--${boundary}`,
      'Content-Type: text/html',
      'Content-ID: <frame-5B1C2E0D9A8F7E6D5C4B3A291807F6E5@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      `Content-Location: ${opts.url}`,
      '',
      quotedPrintable(html),
      '',
      `--${boundary}`,
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      `Content-Location: ${new URL('/logo.png', opts.url).href}`,
      '',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64'),
      '',
      `--${boundary}--`,
      ''
    ].join('\r\n')
  )
}

/** A page saved by SingleFile: its header comment first in the document. */
export function makeSingleFile(opts: { url: string; savedDate: string; title: string; paragraphs: readonly string[] }): string {
  const page = storyPage(opts.title, opts.paragraphs)
  return page.replace(
    '<html lang="en">',
    `<html lang="en"><!--\n Page saved with SingleFile \n url: ${opts.url} \n saved date: ${opts.savedDate}\n-->`
  )
}

/** One WARC record: its type, extra headers and block. */
export interface WarcRecord {
  type: 'warcinfo' | 'response' | 'request' | 'revisit' | 'metadata' | 'resource'
  headers?: Record<string, string>
  block: Uint8Array | string
}

let recordNumber = 0

/** A WARC record's bytes (WARC/1.1, CRLF header lines, the block, two CRLF). */
export function warcRecord(record: WarcRecord): Uint8Array {
  const block = typeof record.block === 'string' ? Buffer.from(record.block, 'utf8') : Buffer.from(record.block)
  recordNumber++
  const headers: Record<string, string> = {
    'WARC-Type': record.type,
    'WARC-Record-ID': `<urn:uuid:00000000-0000-4000-8000-${String(recordNumber).padStart(12, '0')}>`,
    'Content-Length': String(block.length),
    ...record.headers
  }
  const head = `WARC/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`
  return Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from('\r\n\r\n')])
}

/** An HTTP response as a WARC response block. */
export function httpResponse(status: number, headers: Record<string, string>, body: string | Uint8Array): Uint8Array {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
  const reason = status === 200 ? 'OK' : status === 301 ? 'Moved Permanently' : status === 404 ? 'Not Found' : 'Status'
  const head = `HTTP/1.1 ${status} ${reason}\r\n${Object.entries({ ...headers, 'Content-Length': String(bytes.length) })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes])
}

/** A page of a crawl: its address, capture time, title and text. */
export interface CrawlPage {
  url: string
  date: string
  title: string
  paragraphs: readonly string[]
}

/** The three stories of the test crawl (text written for the tests). */
export const CRAWL_PAGES: readonly CrawlPage[] = [
  { url: 'https://courier.example/news/quay-closed', date: '2021-08-31T14:02:11Z', title: 'Northern quay closes for the winter', paragraphs: CAPTURE_STORY },
  {
    url: 'https://courier.example/news/ferry-timetable',
    date: '2021-08-31T14:03:40Z',
    title: 'Ferry timetable cut as crews fall ill',
    paragraphs: [
      'The island ferry will run four crossings a day instead of seven until at least the middle of September, its operator said.',
      'Eleven of the forty crew members are off sick, and two relief captains have been borrowed from the southern route.',
      'Passengers with bookings on cancelled sailings will be moved to the next crossing or refunded in full.'
    ]
  },
  {
    url: 'https://courier.example/news/lighthouse-sale',
    date: '2021-08-31T14:05:02Z',
    title: 'Old lighthouse sold to a rowing club',
    paragraphs: [
      'The decommissioned lighthouse on the eastern breakwater has been sold to the town rowing club for a symbolic single krone.',
      'The club promised to keep the lamp room open to visitors on Sundays and to repaint the tower in its original red and white.',
      'Councillors approved the sale by nine votes to two after a debate about the cost of repairing the breakwater itself.'
    ]
  }
]

/** Options for a test crawl. */
export interface CrawlOptions {
  /** The software its warcinfo names. */
  software?: string
  /** Gzip each record separately, as crawlers write .warc.gz. */
  gzip?: boolean
  pages?: readonly CrawlPage[]
}

/**
 * A crawl as a WARC: warcinfo; per page a request and a 200 text/html response; a 301 redirect;
 * a stylesheet and an image (assets); a 404 page; and a revisit of the first page.
 */
export function makeWarc(options: CrawlOptions = {}): Uint8Array {
  const pages = options.pages ?? CRAWL_PAGES
  const records: Uint8Array[] = [
    warcRecord({
      type: 'warcinfo',
      headers: { 'WARC-Date': '2021-08-31T14:02:00Z', 'WARC-Filename': 'crawl.warc', 'Content-Type': 'application/warc-fields' },
      block: `software: ${options.software ?? 'Webrecorder ArchiveWeb.page 0.11.3'}\r\nformat: WARC File Format 1.1\r\nisPartOf: harbour\r\n`
    })
  ]
  const response = (url: string, date: string, http: Uint8Array): Uint8Array =>
    warcRecord({
      type: 'response',
      headers: { 'WARC-Date': date, 'WARC-Target-URI': url, 'Content-Type': 'application/http; msgtype=response' },
      block: http
    })
  for (const page of pages) {
    records.push(
      warcRecord({
        type: 'request',
        headers: { 'WARC-Date': page.date, 'WARC-Target-URI': page.url, 'Content-Type': 'application/http; msgtype=request' },
        block: `GET ${new URL(page.url).pathname} HTTP/1.1\r\nHost: courier.example\r\n\r\n`
      }),
      response(page.url, page.date, httpResponse(200, { 'Content-Type': 'text/html; charset=utf-8' }, storyPage(page.title, page.paragraphs)))
    )
  }
  records.push(
    response('http://courier.example/news/quay-closed', '2021-08-31T14:02:10Z', httpResponse(301, { Location: CRAWL_PAGES[0]!.url, 'Content-Type': 'text/html' }, '<a href="https://courier.example/news/quay-closed">moved</a>')),
    response('https://courier.example/style.css', '2021-08-31T14:02:12Z', httpResponse(200, { 'Content-Type': 'text/css' }, 'body { font-family: serif }')),
    response('https://courier.example/logo.png', '2021-08-31T14:02:12Z', httpResponse(200, { 'Content-Type': 'image/png' }, new Uint8Array([0x89, 0x50, 0x4e, 0x47]))),
    response('https://courier.example/news/missing', '2021-08-31T14:06:00Z', httpResponse(404, { 'Content-Type': 'text/html' }, '<h1>Not found</h1>')),
    warcRecord({
      type: 'revisit',
      headers: {
        'WARC-Date': '2021-08-31T15:00:00Z',
        'WARC-Target-URI': CRAWL_PAGES[0]!.url,
        'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest',
        'Content-Type': 'application/http; msgtype=response'
      },
      block: 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'
    })
  )
  return Buffer.concat(records.map((r) => (options.gzip ? gzipSync(r) : r)))
}

/** A WACZ: datapackage.json, pages/pages.jsonl listing `listed` (default: every page), archive/data.warc.gz. */
export function makeWacz(options: CrawlOptions & { listed?: readonly CrawlPage[] } = {}): Uint8Array {
  const pages = options.listed ?? options.pages ?? CRAWL_PAGES
  const jsonl = [
    JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' }),
    ...pages.map((p, i) => JSON.stringify({ id: `page-${i}`, url: p.url, ts: p.date, title: p.title }))
  ].join('\n')
  const datapackage = JSON.stringify({
    profile: 'data-package',
    wacz_version: '1.1.1',
    software: 'Webrecorder ArchiveWeb.page 0.11.3',
    resources: [
      { name: 'pages.jsonl', path: 'pages/pages.jsonl' },
      { name: 'data.warc.gz', path: 'archive/data.warc.gz' }
    ]
  })
  return zipSync(
    {
      'datapackage.json': strToU8(datapackage),
      'pages/pages.jsonl': strToU8(jsonl),
      // WARCs in a WACZ are stored, not deflated again: they are gzipped record by record already.
      'archive/data.warc.gz': [makeWarc({ ...options, gzip: true }), { level: 0 }]
    },
    { level: 6 }
  )
}

/** One mbox message: RFC 5322 text, LF line ends. */
function mboxEntry(from: string, date: string, message: string): string {
  // Lines of the body that begin "From " are quoted as mboxrd does.
  const body = message.replace(/^(>*From )/gm, '>$1')
  return `From ${from} ${date}\n${body}\n`
}

/**
 * A mailbox: a press release with a PDF and an HTML attachment, a reply to it, and a reply to
 * the reply, plus one message whose body starts a line with "From " (quoted in the file).
 */
export function makeMbox(): string {
  const pdf = Buffer.from(
    makePdf([{ lines: ['Harbour authority: winter works plan', '', 'The northern quay closes on 1 November for crane repairs.', 'Container ships berth at the southern terminal until April.'] }], {
      title: 'Winter works plan'
    })
  ).toString('base64')
  const attachmentHtml = Buffer.from(storyPage('Crane repairs: the timetable', ['The first crane is lifted off the quay in the second week of November and shipped to the yard in Bergen.', 'The second crane follows in December once the first has been inspected by the insurer.'])).toString('base64')
  const wrap = (s: string): string => s.replace(/.{1,76}/g, '$&\n').trimEnd()
  const release = [
    'From: Harbour Authority Press Office <press@harbour.example>',
    'To: newsroom@courier.example',
    'Subject: Northern quay to close for the winter',
    'Date: Tue, 31 Aug 2021 09:00:00 +0200',
    'Message-ID: <release-1@harbour.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The harbour authority will close the northern quay to container ships from 1 November until the spring.',
    '',
    'Two cranes damaged in the August storm will be repaired. The works plan and the crane timetable are attached.',
    '',
    '--b1',
    'Content-Type: application/pdf; name="works-plan.pdf"',
    'Content-Disposition: attachment; filename="works-plan.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    wrap(pdf),
    '--b1',
    'Content-Type: text/html; name="crane-timetable.html"',
    'Content-Disposition: attachment; filename="crane-timetable.html"',
    'Content-Transfer-Encoding: base64',
    '',
    wrap(attachmentHtml),
    '--b1',
    'Content-Type: image/png; name="logo.png"',
    'Content-Disposition: attachment; filename="logo.png"',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).toString('base64'),
    '--b1--'
  ].join('\n')
  const reply = [
    'From: Marit Olsen <marit@courier.example>',
    'To: press@harbour.example',
    'Subject: Re: Northern quay to close for the winter',
    'Date: Tue, 31 Aug 2021 11:30:00 +0200',
    'Message-ID: <reply-1@courier.example>',
    'In-Reply-To: <release-1@harbour.example>',
    'References: <release-1@harbour.example>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Could you tell us how many ships a week the southern terminal can take while the northern quay is shut?',
    '',
    'From our side the story runs tomorrow morning.'
  ].join('\n')
  const answer = [
    'From: Harbour Authority Press Office <press@harbour.example>',
    'To: marit@courier.example',
    'Subject: Re: Re: Northern quay to close for the winter',
    'Date: Tue, 31 Aug 2021 14:15:00 +0200',
    'Message-ID: <reply-2@harbour.example>',
    'In-Reply-To: <reply-1@courier.example>',
    'References: <release-1@harbour.example> <reply-1@courier.example>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The southern terminal can take up to fourteen container ships a week, against twenty-two at both quays today.'
  ].join('\n')
  return [
    mboxEntry('press@harbour.example', 'Tue Aug 31 07:00:00 2021', release),
    mboxEntry('marit@courier.example', 'Tue Aug 31 09:30:00 2021', reply),
    mboxEntry('press@harbour.example', 'Tue Aug 31 12:15:00 2021', answer)
  ].join('\n')
}
