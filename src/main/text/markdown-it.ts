import type MarkdownIt from 'markdown-it'
import { lazyRequire } from '../platform/lazy-require'

/** markdown-it, loaded when Markdown is first read or written (see lazyRequire). */
export const markdownIt = lazyRequire<typeof MarkdownIt>('markdown-it')
