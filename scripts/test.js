// `npm test`: build, typecheck, lint, unit tests, browser journeys (with CI=true also the stress
// suite); ends with one plain "N passed, N failed" line summing every vitest run, so CI can read
// the result.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const reportDir = join('test-results', 'vitest')
rmSync(reportDir, { recursive: true, force: true })
mkdirSync(reportDir, { recursive: true })

const extra = process.argv.slice(2)
const stages = [
  ['build', 'npx', ['electron-vite', 'build']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, 'unit.json')}`, ...extra]],
  ['e2e', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, 'e2e.json')}`]]
]
// CI also runs the long fault tests (`npm run test:stress` locally).
if (process.env.CI === 'true') {
  stages.push(['stress', 'npx', ['vitest', 'run', '--config', 'vitest.stress.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reportDir, 'stress.json')}`]])
}

let passed = 0
let failed = 0
let skipped = 0
let broken = null
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name} ===`)
  const r = spawnSync(cmd, args, { stdio: 'inherit' })
  if (name === 'unit' || name === 'e2e' || name === 'stress') {
    try {
      const report = JSON.parse(readFileSync(join(reportDir, `${name}.json`), 'utf8'))
      passed += report.numPassedTests
      failed += report.numFailedTests
      skipped += report.numPendingTests + (report.numTodoTests ?? 0)
      if (report.numTotalTests === 0) broken ??= `${name}: no tests ran`
    } catch {
      broken ??= `${name}: no test report`
    }
  }
  if (r.status !== 0) {
    broken ??= `${name} failed`
    if (name === 'build' || name === 'typecheck' || name === 'lint') break
  }
}
console.log('')
if (broken) console.log(`npm test: ${broken}`)
console.log(`Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(broken || failed > 0 ? 1 : 0)
