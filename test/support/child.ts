import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')

/** Starts a TypeScript script from test/support in a real Node child process (via tsx). */
export function spawnScript(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', script), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' }
  })
}

/** Resolves with the first stdout line matching `pattern` (rejects if the child exits first). */
export function waitForLine(child: ChildProcess, pattern: RegExp | ((line: string) => boolean), timeoutMs = 30_000): Promise<string> {
  const matches = typeof pattern === 'function' ? pattern : (line: string): boolean => pattern.test(line)
  return new Promise((resolve, reject) => {
    let buffer = ''
    let stderr = ''
    const timer = setTimeout(() => finish(new Error(`timed out waiting for ${pattern}; stderr: ${stderr}`)), timeoutMs)
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      const hit = lines.find(matches)
      if (hit !== undefined) finish(null, hit)
    }
    const onErr = (chunk: Buffer): void => void (stderr += chunk.toString())
    const onExit = (code: number | null): void => finish(new Error(`child exited (${code}) before ${pattern}; stderr: ${stderr}`))
    function finish(err: Error | null, line?: string): void {
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      child.stderr!.off('data', onErr)
      child.off('exit', onExit)
      if (err) reject(err)
      else resolve(line!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onErr)
    child.on('exit', onExit)
  })
}

/** Sends SIGKILL and waits until the process is really gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

/** Waits for a child to exit and returns its exit code. */
export function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
  })
}
