/** `npm run bench`: every benchmark that has a table to print; arguments go to each. */
import { benchSearch } from './bench-search'

benchSearch(process.argv.slice(2))
