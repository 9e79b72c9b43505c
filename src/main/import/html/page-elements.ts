import { walkElements, type DomDocument, type DomElement } from './dom'

/** The tags metadata is read from. */
const TAGS = new Set(['meta', 'script', 'link', 'title', 'h1', 'time'])
/** Class names the byline selector can match (a superset: any case, any place in the name). */
const BYLINE_CLASS = /byline|author-name/i

/**
 * The elements a page's metadata is read from, gathered in one walk in document order: its meta,
 * script, link, title, h1 and time elements, and those with an `itemprop` or `rel` attribute or
 * a byline's class. A lookup tests only the gathered elements its selector can match, with that
 * selector (`matches`), so it finds what `querySelector` on the document finds: each of those
 * walked every element of the page again, seven walks for one page's metadata.
 */
export class PageElements {
  private readonly tagged = new Map<string, DomElement[]>()
  private readonly attributed: DomElement[] = []

  constructor(doc: DomDocument) {
    const visit = (el: DomElement): boolean => {
      const tag = el.localName.toLowerCase()
      if (TAGS.has(tag)) {
        let list = this.tagged.get(tag)
        if (!list) this.tagged.set(tag, (list = []))
        list.push(el)
      }
      if (el.hasAttribute('itemprop') || el.hasAttribute('rel') || BYLINE_CLASS.test(el.getAttributeNode('class')?.value ?? '')) this.attributed.push(el)
      // querySelector passes over what a template holds.
      return tag !== 'template'
    }
    visit(doc.documentElement)
    walkElements(doc.documentElement, visit)
  }

  /** Every element of `tag` that `selector` (one naming only that tag) matches, in document order. */
  all(tag: string, selector: string = tag): DomElement[] {
    const list = this.tagged.get(tag) ?? []
    return selector === tag ? list : list.filter((el) => el.matches(selector))
  }

  /** The first element of `tag` that `selector` (one naming only that tag) matches. */
  first(tag: string, selector: string = tag): DomElement | null {
    const list = this.tagged.get(tag) ?? []
    return (selector === tag ? list[0] : list.find((el) => el.matches(selector))) ?? null
  }

  /**
   * The first element that `selector` matches, for a selector whose every alternative asks for
   * an `itemprop` or `rel` attribute or a byline's class on the element itself.
   */
  firstAttributed(selector: string): DomElement | null {
    return this.attributed.find((el) => el.matches(selector)) ?? null
  }
}
