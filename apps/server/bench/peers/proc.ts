// A process's CPU time and memory as Linux reports them in /proc, read from outside it.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux everywhere). */
const TICKS_PER_SECOND = 100;

/** User plus system CPU time the process has used so far, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; count the fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory now (VmRSS) and at its peak (VmHWM), in KiB. */
export function memoryKiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/**
 * CPU time of a process and its children, in milliseconds: the process's own, what its children
 * that have ended used (cutime + cstime), and what its live children have used so far. For
 * PostgreSQL's postmaster this is the whole cluster (backends, WAL writer, checkpointer…); a
 * child that ends between two readings moves from the third term to the second.
 */
export function treeCpuMs(pid: number): number {
  const fields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = fields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  // Fields after the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    const child = fields(stat);
    if (Number(child[1]) === pid) ticks += Number(child[11]) + Number(child[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Time core `core` has spent busy so far (all but idle and iowait in /proc/stat), ms. */
export function coreBusyMs(core: number): number {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`cpu${core} `));
  if (!line) throw new Error(`no cpu${core} in /proc/stat`);
  // user nice system idle iowait irq softirq steal …
  const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
  const busy = [user, nice, system, irq, softirq, steal].reduce((sum = 0, n = 0) => sum + n, 0);
  return ((busy ?? 0) * 1000) / TICKS_PER_SECOND;
}
