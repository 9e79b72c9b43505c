import type Iconv from 'iconv-lite'
import type Jschardet from 'jschardet'
import { lazyRequire } from '../platform/lazy-require'

/** iconv-lite and jschardet, loaded when bytes are first decoded (see lazyRequire). */
export const iconv = lazyRequire<typeof Iconv>('iconv-lite')
export const jschardet = lazyRequire<typeof Jschardet>('jschardet')
