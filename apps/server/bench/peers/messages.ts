// What the orchestrator hands the load generator (as a JSON file) and what it prints back (one
// JSON line on stdout, after RESULT_PREFIX).
import type { BoardRef } from './peer.js';

export const RESULT_PREFIX = 'RESULT ';

export interface LoadJob {
  mode: 'load';
  boards: BoardRef[];
  /** Clients per board that edit (and, with cursorsPerSecond, move a cursor); plus one probe. */
  writersPerBoard: number;
  editsPerSecond: number;
  /** Presence updates per second per writer; 0 for none. */
  cursorsPerSecond: number;
  warmupMs: number;
  windowMs: number;
  serverPid: number;
  /** More to measure over the window (bench:instances). */
  watch?: Watch;
}

/** Processes whose CPU time to read over the window, and counters to read before and after it. */
export interface Watch {
  /** `tree`: the process and its children (PostgreSQL's postmaster and its backends). */
  processes: { name: string; pid: number; tree?: boolean }[];
  /** Prometheus endpoints whose dartboard_updates_stored_total to sum. */
  metricsUrls: string[];
  /** A core whose busy time to read from /proc/stat (to tell what else ran on it). */
  core?: number;
}

export interface Watched {
  /** CPU time over the window by process name, ms. */
  cpuMs: Record<string, number>;
  /** Updates the servers stored in the window (their dartboard_updates_stored_total). */
  stored: number;
  /** Busy time of `watch.core` over the window, by every process on it, ms. */
  coreBusyMs?: number;
}

export interface LatencySamples {
  /** Changes created in the window. */
  sent: number;
  /** Of those, seen by the board's probe before the end of the drain. */
  received: number;
  /** Creation to arrival at the probe, ms, one per received change. */
  samples: number[];
}

export interface LoadResult {
  edits: LatencySamples;
  /** With board URLs on several servers: the edits whose writer and probe were on different ones. */
  crossEdits?: LatencySamples;
  /** With board URLs on several servers: the edits whose writer was on the probe's server. */
  localEdits?: LatencySamples;
  cursors: LatencySamples;
  windowMs: number;
  serverCpuMs: number;
  serverRssKiB: number;
  serverPeakKiB: number;
  generatorCpuMs: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  /** Permission-denied messages received, and connections the server closed. */
  denied: number;
  closes: string[];
  watched?: Watched;
}

export interface UploadJob {
  mode: 'upload';
  board: BoardRef;
  notes: number;
}

export interface ColdJob {
  mode: 'cold';
  board: BoardRef;
  notes: number;
}

export interface ColdResult {
  /** From creating the socket: the upgrade answered, the socket open, the last byte of the frame
   * that completed the document, and the document holding every note. */
  upgradedMs: number;
  lastByteMs: number;
  holdsMs: number;
  bytes: number;
}

export interface IdleJob {
  mode: 'idle';
  boards: BoardRef[];
  perBoard: number;
  serverPid: number;
}

export interface IdleResult {
  connections: number;
  baseRssKiB: number;
  rssKiB: number;
}

export type Job = LoadJob | UploadJob | ColdJob | IdleJob;
