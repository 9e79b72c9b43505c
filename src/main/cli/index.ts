import { runCli } from './run'

const io = {
  out: (text: string) => process.stdout.write(text),
  err: (text: string) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY)
}

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    process.stderr.write(`annalist: ${(err as Error).message}\n`)
    process.exitCode = 1
  }
)
