import type { Role } from '@dartboard/board';
import type { FastifyBaseLogger } from 'fastify';
import * as Y from 'yjs';
import type { Storage } from '../storage/types.js';
import { CompactionLane } from './compactionLane.js';
import { CLOSE_GOING_AWAY, type Connection } from './connection.js';
import type { FanOut } from './fanout.js';
import { Room, type RoomOptions } from './room.js';

export interface RegistryOptions extends RoomOptions {
  /** How long a room stays in memory after its last client leaves. */
  idleUnloadMs: number;
  /** Connections one board takes at once. */
  maxConnectionsPerBoard: number;
  /** Connections one client address may hold at once, over all boards. */
  maxConnectionsPerAddress: number;
}

/**
 * The rooms in memory, by board id. A room is loaded when its first client arrives, and
 * compacted and dropped a while after its last one leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, { loading: Promise<Room>; room?: Room }>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Rooms being compacted on their way out; a new load of the same board waits for them. */
  private readonly unloading = new Map<string, Promise<void>>();
  /** Open connections by board, including those whose room is still loading. */
  private readonly boardConnections = new Map<string, Set<Connection>>();
  private readonly addressConnections = new Map<string, number>();
  private readonly roomOptions: RoomOptions;
  private readonly compactions = new CompactionLane();

  constructor(
    private readonly storage: Storage,
    private readonly options: RegistryOptions,
    private readonly log: FastifyBaseLogger,
    /** Other instances serving the same boards, if any. */
    private readonly fanout?: FanOut,
  ) {
    this.roomOptions = { ...options, compactions: this.compactions };
    fanout?.onLinkClose((close) =>
      this.closeLinkHere(close.boardId, close.tokenHash, close.code, close.reason),
    );
  }

  /** The room of a board if it is in memory and loaded; for tests and diagnostics. */
  loaded(id: string): Room | undefined {
    return this.rooms.get(id)?.room;
  }

  get size(): number {
    return this.rooms.size;
  }

  /** Open connections by role, their room loaded or not; for metrics, read at each scrape. */
  connectionsByRole(): Record<Role, number> {
    const counts: Record<Role, number> = { facilitator: 0, edit: 0, view: 0 };
    for (const connections of this.boardConnections.values()) {
      for (const connection of connections) counts[connection.role]++;
    }
    return counts;
  }

  /**
   * Counts a new connection against the board's and its address's limits: 'board' or 'address'
   * when one is full (the connection is then not counted), else 'ok'. Pair with `dismiss`.
   */
  admit(boardId: string, connection: Connection): 'ok' | 'board' | 'address' {
    const onBoard = this.boardConnections.get(boardId) ?? new Set<Connection>();
    if (onBoard.size >= this.options.maxConnectionsPerBoard) return 'board';
    const address = connection.peer.address;
    const fromAddress = this.addressConnections.get(address) ?? 0;
    if (fromAddress >= this.options.maxConnectionsPerAddress) return 'address';
    onBoard.add(connection);
    this.boardConnections.set(boardId, onBoard);
    this.addressConnections.set(address, fromAddress + 1);
    return 'ok';
  }

  dismiss(boardId: string, connection: Connection): void {
    const onBoard = this.boardConnections.get(boardId);
    if (!onBoard?.delete(connection)) return;
    if (onBoard.size === 0) this.boardConnections.delete(boardId);
    const address = connection.peer.address;
    const left = (this.addressConnections.get(address) ?? 1) - 1;
    if (left > 0) this.addressConnections.set(address, left);
    else this.addressConnections.delete(address);
  }

  /**
   * Closes every connection to a board made with a link, loaded room or not, on this instance
   * and (told through the fan-out) on every other; returns how many were closed here.
   */
  closeLink(boardId: string, tokenHash: string, code: number, reason: string): number {
    this.fanout?.publishLinkClose({ boardId, tokenHash, code, reason });
    return this.closeLinkHere(boardId, tokenHash, code, reason);
  }

  private closeLinkHere(boardId: string, tokenHash: string, code: number, reason: string): number {
    let closed = 0;
    for (const connection of this.boardConnections.get(boardId) ?? []) {
      if (connection.peer.tokenHash !== tokenHash) continue;
      connection.close(code, reason);
      closed++;
    }
    return closed;
  }

  /** The room of a board, loaded completely from storage if it is not in memory. */
  acquire(id: string): Promise<Room> {
    this.cancelUnload(id);
    const existing = this.rooms.get(id);
    if (existing) return existing.loading;
    const previous = this.unloading.get(id) ?? Promise.resolve();
    const entry: { loading: Promise<Room>; room?: Room } = {
      loading: previous.then(() =>
        Room.load(
          id,
          this.storage,
          this.roomOptions,
          this.log,
          (failed) => this.drop(failed),
          this.fanout,
        ),
      ),
    };
    this.rooms.set(id, entry);
    entry.loading.then(
      (room) => {
        entry.room = room;
      },
      () => {
        if (this.rooms.get(id) === entry) this.rooms.delete(id);
      },
    );
    return entry.loading;
  }

  /** Reads a board's document: the live one when loaded, else a copy loaded from storage. */
  async readDocument<T>(id: string, read: (doc: Y.Doc) => T): Promise<T> {
    const entry = this.rooms.get(id);
    if (entry) {
      const room = await entry.loading;
      await room.flushed();
      return read(room.doc);
    }
    const stored = await this.storage.loadDocument(id);
    const doc = new Y.Doc();
    try {
      doc.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(doc, update);
      });
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * A board's stored updates, once a loaded room has stored what it was sent so far: the whole
   * document (a room relays nothing it has not stored), read without encoding or merging it
   * here, which at thousands of cards would stall the loop.
   */
  async readStoredUpdates(id: string): Promise<Uint8Array[]> {
    const entry = this.rooms.get(id);
    if (entry) await (await entry.loading).flushed();
    return (await this.storage.loadDocument(id)).updates;
  }

  /** Starts the idle timer of a room that has no connections left. */
  release(room: Room): void {
    if (room.connections.size > 0) return;
    this.cancelUnload(room.id);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.id);
      if (room.connections.size === 0) void this.unload(room);
    }, this.options.idleUnloadMs);
    timer.unref();
    this.unloadTimers.set(room.id, timer);
  }

  /** Closes every connection, compacts and drops every room. For shutdown. */
  async closeAll(): Promise<void> {
    this.compactions.close();
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()].map((entry) => entry.loading));
    await Promise.all(
      rooms.map((result) => {
        if (result.status !== 'fulfilled') return undefined;
        result.value.closeAll(CLOSE_GOING_AWAY, 'server shutting down');
        return this.unload(result.value);
      }),
    );
    await Promise.all(this.unloading.values());
  }

  private cancelUnload(id: string): void {
    const timer = this.unloadTimers.get(id);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(id);
  }

  private forget(room: Room): void {
    if (this.rooms.get(room.id)?.room === room) this.rooms.delete(room.id);
  }

  private async unload(room: Room): Promise<void> {
    this.forget(room);
    const done = room
      .compact()
      .catch((error: unknown) =>
        this.log.error({ board: room.id, err: error }, 'compaction failed'),
      )
      .finally(() => {
        room.destroy();
        if (this.unloading.get(room.id) === done) this.unloading.delete(room.id);
      });
    this.unloading.set(room.id, done);
    await done;
  }

  /** Forgets a failed room at once, so the next client loads the board afresh from storage. */
  private drop(room: Room): void {
    this.cancelUnload(room.id);
    this.forget(room);
    room.destroy();
  }
}
