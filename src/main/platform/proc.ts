import { readdirSync, readFileSync } from 'node:fs'

// Facts about processes as the kernel keeps them in /proc (Linux): memory, CPU time, parent and
// start time. Elsewhere every reader answers 0 or null: callers treat that as "unknown", never
// as "small".

function procField(pid: number, file: string, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${pid}/${file}`, 'utf8'))
    return match ? Number(match[1]) : 0
  } catch {
    return 0
  }
}

// Indexes into the fields of /proc/<pid>/stat after the command name (field 3 onwards).
const STAT_PPID = 1
const STAT_UTIME = 11
const STAT_CUTIME = 13
const STAT_STARTTIME = 19
const CLOCK_TICKS = 100

/** A process's own user and system CPU ticks, from its stat fields. */
function ownTicks(f: number[]): number {
  return f[STAT_UTIME]! + f[STAT_UTIME + 1]!
}

function statFields(pid: number): number[] | null {
  try {
    // The command name in parentheses may contain spaces; the fields start after its last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number)
  } catch {
    return null
  }
}

/**
 * When a process started, in clock ticks since boot, as text; null when it cannot be read. Two
 * processes with one id (a recycled PID) differ in it.
 */
export function processStartTime(pid: number): string | null {
  const start = statFields(pid)?.[STAT_STARTTIME]
  return start === undefined || Number.isNaN(start) ? null : String(start)
}

/**
 * CPU time one process has used so far (user and system, its own threads), in milliseconds at
 * the kernel's 10 ms resolution; null when it cannot be read (not Linux, or the process is gone).
 */
export function processCpuMs(pid: number): number | null {
  const f = statFields(pid)
  if (!f) return null
  const ticks = ownTicks(f)
  return Number.isNaN(ticks) ? null : (ticks * 1000) / CLOCK_TICKS
}

/**
 * How long a process's main thread has waited, runnable, for a core (the run-queue delay the
 * scheduler keeps in /proc/<pid>/schedstat), in milliseconds; null when it cannot be read.
 */
export function runQueueWaitMs(pid: number): number | null {
  try {
    const wait = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1])
    return Number.isNaN(wait) ? null : wait / 1e6
  } catch {
    return null
  }
}

/** Resident set size of one process in KB (its own view: shared pages counted in full). */
export function residentKb(pid: number): number {
  return procField(pid, 'status', 'VmRSS')
}

/** Proportional set size in KB: shared pages divided among the processes sharing them. */
export function proportionalKb(pid: number): number {
  return procField(pid, 'smaps_rollup', 'Pss')
}

/** Direct children of a process: from each of its threads' `children` list, else by a scan of /proc. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)
    )
  } catch {
    // Kernels without CONFIG_PROC_CHILDREN: every process's parent id, the slow way.
    try {
      return readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name) && statFields(Number(name))?.[STAT_PPID] === pid)
        .map(Number)
    } catch {
      return []
    }
  }
}

/** The process and all its descendants (parse workers of an import, for instance). */
export function processTree(root: number): number[] {
  const tree = [root]
  for (let i = 0; i < tree.length; i++) tree.push(...childrenOf(tree[i]!))
  return tree
}

/** Memory of a process tree in KB: the sum of RSS (over-counts shared pages) and of PSS (physical memory). */
export function treeMemoryKb(root: number): { rssKb: number; pssKb: number; processes: number } {
  const pids = processTree(root)
  let rssKb = 0
  let pssKb = 0
  for (const pid of pids) {
    rssKb += residentKb(pid)
    pssKb += proportionalKb(pid)
  }
  return { rssKb, pssKb, processes: pids.length }
}

/**
 * CPU seconds used so far by a process and all its descendants, live or already reaped: the
 * root's own and its waited-for children's times, plus the times of descendants still running.
 */
export function treeCpuSeconds(root: number): number {
  const own = statFields(root)
  if (!own) return 0
  let ticks = ownTicks(own) + own[STAT_CUTIME]! + own[STAT_CUTIME + 1]!
  for (const pid of processTree(root).slice(1)) {
    const f = statFields(pid)
    if (f) ticks += ownTicks(f)
  }
  return ticks / CLOCK_TICKS
}
