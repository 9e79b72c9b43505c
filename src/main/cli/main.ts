import { runCli } from './run'
import { EXIT } from './exit-codes'

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns
}

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`annalist: ${(err as Error).message}\n`)
    process.exitCode = EXIT.failed.code
  }
)
