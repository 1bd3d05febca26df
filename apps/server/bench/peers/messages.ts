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
