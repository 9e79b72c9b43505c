import { runCli } from './run'
import { EXIT } from './exit-codes'

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns
}

// A reader that stops early (`annalist list | head`) closes the pipe under the output: it has what
// it wanted, so the command ends quietly rather than on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
  process.exit(EXIT.ok.code)
})

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`annalist: ${(err as Error).message}\n`)
    process.exitCode = EXIT.failed.code
  }
)
