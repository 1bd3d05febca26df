import type { FastifyBaseLogger } from 'fastify';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Storage } from '../storage/types.js';
import {
  CLOSE_INTERNAL_ERROR,
  CLOSE_MALFORMED,
  CLOSE_UNSUPPORTED,
  type Connection,
} from './connection.js';
import {
  awarenessMessage,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncStep1Message,
  syncStep2Message,
  syncUpdateMessage,
} from './protocol.js';

export interface RoomOptions {
  /** Compact the stored update log in the background once this many updates are appended. */
  compactAfterUpdates: number;
}

/** Thrown for frames that do not follow the protocol; the sender's connection is closed. */
class ProtocolError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One board in memory: its document, the presence of the people on it, and their connections.
 *
 * Document messages of all connections are handled one at a time, in arrival order, so a
 * change is stored before the next message runs: no one can receive a state that is not on
 * disk yet, whether as a relayed update or in a sync reply.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private queue: Promise<void> = Promise.resolve();
  private unstored: Uint8Array[] = [];
  private appendedSinceCompaction = 0;
  private compactionQueued = false;
  private failed = false;
  private destroyed = false;

  private constructor(
    readonly id: string,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
    private readonly log: FastifyBaseLogger,
    private lastSeq: number,
    /** Called when the room can no longer be trusted (storage failed) and must be dropped. */
    private readonly onFailure: (room: Room) => void,
  ) {
    // The server shows no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => this.unstored.push(update));
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** Loads a board's stored document completely before anyone can talk to the room. */
  static async load(
    id: string,
    storage: Storage,
    options: RoomOptions,
    log: FastifyBaseLogger,
    onFailure: (room: Room) => void,
  ): Promise<Room> {
    const stored = await storage.loadDocument(id);
    const room = new Room(id, storage, options, log, stored.lastSeq, onFailure);
    room.doc.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(room.doc, update);
    });
    room.unstored = [];
    room.appendedSinceCompaction = stored.updates.length - 1;
    // A log left long by a crash is compacted right away rather than on the next unload.
    if (room.appendedSinceCompaction >= options.compactAfterUpdates) void room.compact();
    return room;
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(syncStep1Message(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(awarenessMessage(this.awareness, states));
  }

  /** Removes a connection and the presence it owned; true when the room is now empty. */
  leave(connection: Connection): boolean {
    if (!this.connections.delete(connection)) return this.connections.size === 0;
    if (connection.awarenessIds.size > 0 && !this.destroyed) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null);
    }
    return this.connections.size === 0;
  }

  /** Handles one binary frame from a connection that has joined. */
  receive(connection: Connection, frame: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        this.enqueue(() => this.handleSync(connection, decoder));
      } else if (type === MESSAGE_AWARENESS) {
        const update = decoding.readVarUint8Array(decoder);
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection);
      } else if (type === MESSAGE_QUERY_AWARENESS) {
        connection.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
      } else {
        throw new ProtocolError(CLOSE_UNSUPPORTED, `unknown message type ${type}`);
      }
    } catch (error) {
      this.reject(connection, error);
    }
  }

  /** Runs after every queued message so far: their changes are stored and relayed. */
  flushed(): Promise<void> {
    return this.queue;
  }

  /** Stores the whole document as one update in place of the log so far (serialized). */
  compact(): Promise<void> {
    return this.enqueue(async () => {
      if (this.failed || this.appendedSinceCompaction <= 0) return;
      const throughSeq = this.lastSeq;
      this.lastSeq = await this.storage.compact(
        this.id,
        Y.encodeStateAsUpdate(this.doc),
        throughSeq,
      );
      this.appendedSinceCompaction = 0;
      this.log.debug({ board: this.id, throughSeq }, 'compacted update log');
    });
  }

  /** Closes every connection; the caller compacts first if it wants to. */
  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.awareness.off('update', this.onAwarenessUpdate);
    // Awareness keeps an interval timer that would hold the process open.
    this.awareness.destroy();
    this.doc.destroy();
  }

  private enqueue(task: () => void | Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  private async handleSync(connection: Connection, decoder: decoding.Decoder): Promise<void> {
    if (this.failed || !connection.isOpen) return;
    try {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === SYNC_STEP1) {
        const stateVector = decoding.readVarUint8Array(decoder);
        connection.send(syncStep2Message(this.doc, stateVector));
      } else if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
        const update = decoding.readVarUint8Array(decoder);
        // A view link may read but never write: its updates are dropped before they are applied.
        if (connection.canWrite) await this.applyClientUpdate(connection, update);
      } else {
        throw new ProtocolError(CLOSE_UNSUPPORTED, `unknown sync message type ${syncType}`);
      }
    } catch (error) {
      if (error instanceof StorageError) throw error.cause;
      this.reject(connection, error);
    }
  }

  private async applyClientUpdate(connection: Connection, update: Uint8Array): Promise<void> {
    // Decoding first refuses a malformed update before any of it reaches the document.
    Y.decodeUpdate(update);
    try {
      Y.applyUpdate(this.doc, update, connection);
    } finally {
      // Even if applying failed part-way, whatever reached the document is stored and relayed.
      await this.storeAndRelay(connection);
    }
  }

  private async storeAndRelay(origin: Connection): Promise<void> {
    const updates = this.unstored;
    this.unstored = [];
    for (const update of updates) {
      try {
        this.lastSeq = await this.storage.appendUpdate(this.id, update);
      } catch (error) {
        throw new StorageError(error);
      }
      this.appendedSinceCompaction++;
    }
    for (const update of updates) {
      const message = syncUpdateMessage(update);
      for (const connection of this.connections) {
        if (connection !== origin) connection.send(message);
      }
    }
    if (
      this.appendedSinceCompaction >= this.options.compactAfterUpdates &&
      !this.compactionQueued
    ) {
      this.compactionQueued = true;
      setImmediate(() => {
        this.compactionQueued = false;
        if (!this.destroyed) void this.compact();
      });
    }
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin && typeof origin === 'object' && 'awarenessIds' in origin) {
      const owner = origin as Connection;
      for (const id of added) owner.awarenessIds.add(id);
      for (const id of removed) owner.awarenessIds.delete(id);
    }
    // Sent to everyone, the sender included: the stock client counts its own renewed state
    // coming back as a sign that the connection is alive.
    const message = awarenessMessage(this.awareness, changed);
    for (const connection of this.connections) connection.send(message);
  };

  private reject(connection: Connection, error: unknown): void {
    const code = error instanceof ProtocolError ? error.code : CLOSE_MALFORMED;
    const reason = error instanceof ProtocolError ? error.message : 'malformed message';
    this.log.warn({ board: this.id, err: error }, 'refused a client message');
    connection.close(code, reason);
  }

  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.log.error({ board: this.id, err: error }, 'storage failed; dropping the room');
    // The document in memory may now hold changes that are not stored. Clients reconnect to a
    // fresh room loaded from storage and send again whatever it lacks.
    this.closeAll(CLOSE_INTERNAL_ERROR, 'storage failure');
    this.onFailure(this);
  }
}

/** Wraps a storage error so the room fails as a whole instead of blaming the sender. */
class StorageError extends Error {
  constructor(override readonly cause: unknown) {
    super('storage failed');
  }
}
