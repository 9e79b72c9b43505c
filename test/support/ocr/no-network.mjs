// Preloaded (node --import) into a process and, through execArgv, into each of its worker
// threads: every way Node reaches the network throws and is reported on stderr.
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { isMainThread } from 'node:worker_threads'

const refuse = (what) =>
  function () {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`)
    throw new Error(`network access is disabled in this test (${what})`)
  }

globalThis.fetch = refuse('fetch')
net.Socket.prototype.connect = refuse('net.connect')
http.request = http.get = refuse('http.request')
https.request = https.get = refuse('https.request')
dns.lookup = refuse('dns.lookup')
process.stderr.write(`no-network loaded in ${isMainThread ? 'main' : 'worker'}\n`)
