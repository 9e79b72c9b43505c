// Run as a script by host.test.ts: prestarts the backend threads and takes none; the process must still end.
import { prestartBackend, prestartedCount } from '../../src/main/host/thread'

prestartBackend()
process.stdout.write(`prestarted ${prestartedCount()}\n`)
