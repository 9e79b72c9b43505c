import { parseHTML } from '../html/linkedom'
import { normaliseText } from '../text/normalise'

const BLOCK_TAGS = 'p,div,li,h1,h2,h3,h4,h5,h6,blockquote,pre,tr,table,section,article,header,footer,ul,ol,dl,dt,dd,figure,figcaption,hr,address'

/**
 * Plain text of an HTML fragment (a mail body), one paragraph per block element. Scripts,
 * styles and images vanish; links keep their text. Not an article extractor: mail bodies are
 * the message itself.
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  for (const el of document.querySelectorAll('script,style,head,noscript,template,svg,img,iframe,object')) el.remove()
  for (const br of document.querySelectorAll('br')) br.replaceWith(document.createTextNode('\n'))
  for (const el of document.querySelectorAll(BLOCK_TAGS)) {
    el.before(document.createTextNode('\n\n'))
    el.after(document.createTextNode('\n\n'))
  }
  for (const cell of document.querySelectorAll('td,th')) cell.after(document.createTextNode(' '))
  return normaliseText(document.body?.textContent ?? '')
}
