import { runCli } from '../../../src/main/cli/run'

export interface CliResult {
  code: number
  out: string
  err: string
}

/** Runs the CLI in-process with captured output; neither stream is a terminal. */
export async function cli(args: string[]): Promise<CliResult> {
  let out = ''
  let err = ''
  const code = await runCli(args, { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, errIsTTY: false }, {})
  return { code, out, err }
}
