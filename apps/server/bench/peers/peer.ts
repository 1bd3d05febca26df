// What the orchestrator knows of each server it compares: how to start it on one core with its
// storage in a folder, how to tell it is up, and how a client reaches one board on it.
import type { Protocol } from './protocol.js';

export type PeerName = 'dartboard' | 'y-websocket' | 'hocuspocus' | 'forwarder';
export const PEER_NAMES: readonly PeerName[] = [
  'dartboard',
  'y-websocket',
  'hocuspocus',
  'forwarder',
];

/** One board (document) as a client connects to it. */
export interface BoardRef {
  protocol: Protocol;
  /** The document's name (Hocuspocus frames every message with it). */
  name: string;
  url: string;
  /**
   * The same board through each of several servers (bench:instances): writer w of a board
   * connects to urls[w % n], the probe of board b to urls[b % n]. Without it, all use `url`.
   */
  urls?: string[];
}

export interface Peer {
  name: PeerName;
  /** How it stores documents, for the table's notes. */
  storage: string;
  /** A reference that stores nothing: measured in the load workloads, not in the cold load. */
  loadOnly?: boolean;
  /** Node arguments and environment that start it listening on 127.0.0.1:port. */
  command(port: number, dataDir: string): { args: string[]; env: Record<string, string> };
  /** Boards for a run; `count` fresh ones (Dartboard creates them over its API). */
  createBoards(port: number, count: number, label: string): Promise<BoardRef[]>;
}
