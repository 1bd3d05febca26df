import type { FastifyBaseLogger } from 'fastify';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Storage } from '../storage/types.js';
import type { CompactionLane } from './compactionLane.js';
import {
  CLOSE_INTERNAL_ERROR,
  CLOSE_MALFORMED,
  CLOSE_TOO_MANY_MESSAGES,
  CLOSE_UNSUPPORTED,
  type Connection,
} from './connection.js';
import type { BoardLink, BoardListener, FanOut } from './fanout.js';
import {
  applyPresence,
  type CheckedPresence,
  decodePresence,
  type PresenceLimits,
  stampPresence,
} from './presence.js';
import {
  awarenessMessage,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  permissionDeniedMessage,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  savedMessage,
  syncStep1Message,
  syncStep2Message,
  syncStep2UpdateMessage,
  syncUpdateMessage,
} from './protocol.js';
import { NO_METRICS, type RoomMetrics } from './roomMetrics.js';
import { UpdateSequence } from './sequence.js';
import { UpdateLog } from './updateLog.js';
import { VisitLog } from './visits.js';
import { applyReviewed, refusalKind, reviewUpdate, undoItemsUpdate } from './writes.js';

export interface RoomOptions {
  /** Compact the stored update log in the background once this many updates are appended. */
  compactAfterUpdates: number;
  /** Notes a board may hold. */
  maxNotes: number;
  /** Bytes a board's stored document may take; writes past it are refused. */
  maxStoredBytes: number;
  presence: PresenceLimits;
  /** How often a connection's visit is written again while it stays (see visits.ts). */
  visitWriteIntervalMs: number;
  /** What is counted for operators; nothing when absent. */
  metrics?: RoomMetrics;
  /** Where compactions wait their turn, shared by the rooms of a process; at once when absent. */
  compactions?: CompactionLane;
}

const BOARD_FULL = 'This board is full: it has reached its storage limit.';

/** The origin of changes that came from other instances (already stored, reviewed there). */
const REMOTE = Symbol('remote instance');

/**
 * How long an update numbered past a gap waits for the ones before it over the fan-out, which
 * may deliver two instances' messages in another order than storage numbered them, before the
 * room reads the gap from storage.
 */
const GAP_WAIT_MS = 50;

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
 * disk yet, whether as a relayed update or in a sync reply. Every write is reviewed against the
 * permission table and the board's rules first (writes.ts).
 *
 * With a fan-out (several instances serving the board), what the room stores is published
 * after it is stored, and what other instances stored arrives numbered by storage: the room
 * applies it in order, reads any gap back from storage, and relays it to its own connections.
 * Presence relayed here is published too, and other instances' presence is shown here.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Which connection announced each presence id. */
  private readonly presenceOwners = new Map<number, Connection>();
  /**
   * Who writes under each Yjs client id: the connection that first did (while it is open), or
   * its writer key for as long as the room lives. Another client writing under an id would take
   * over the clock space of someone else's changes, and those would then be skipped as known.
   */
  private readonly writers = new Map<number, { connection?: Connection; key?: string }>();
  /** Connections whose update waited for an id that another open connection still writes. */
  private readonly waitingForIds = new Set<Connection>();
  /** Who was here: written to storage as presence names people, throttled. */
  private readonly visits: VisitLog;
  private queue: Promise<void> = Promise.resolve();
  private unstored: Uint8Array[] = [];
  /**
   * Settles once every update applied so far is stored and relayed; rejects (with a
   * StorageError) once storing one has failed. Clients' writes do not wait for it in the queue:
   * the next is reviewed and applied while the last is being stored (storeAndRelay).
   */
  private stored: Promise<void> = Promise.resolve();
  /**
   * Updates that, applied in order, make the board as stored: what a client that holds nothing
   * is sent, without encoding the document for it. Everything stored or applied since the load
   * is added; a compaction leaves its one merged update.
   */
  private readonly whole = new UpdateLog();
  /** Connections that said they held nothing, and were sent the whole board (answerEmpty). */
  private readonly answeredEmpty = new WeakSet<Connection>();
  /** Whether the document has been built from the stored updates (see load). */
  private built = false;
  /** What applying other instances' updates added to the document, to relay. */
  private fresh: Uint8Array[] = [];
  /** Which stored updates the document holds. */
  private seqs = new UpdateSequence(0);
  private link: BoardLink | undefined;
  private catchUpTimer: NodeJS.Timeout | undefined;
  /** Presence ids announced through another instance. */
  private readonly remoteIds = new Set<number>();
  /** Presence ids changed here since presence was last published to other instances. */
  private readonly presenceToPublish = new Set<number>();
  private appendedSinceCompaction = 0;
  /** Bytes of the board's stored update log. */
  private storedBytes = 0;
  private compactionQueued = false;
  /** Presence ids changed since presence was last relayed, and the timer that relays them. */
  private readonly presenceChanged = new Set<number>();
  private presenceTimer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  /** When presence was last relayed (performance.now()). */
  private presenceRelayedAt = Number.NEGATIVE_INFINITY;
  private failed = false;
  private destroyed = false;
  private readonly metrics: RoomMetrics;

  private constructor(
    readonly id: string,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
    private readonly log: FastifyBaseLogger,
    /** Called when the room can no longer be trusted (storage failed) and must be dropped. */
    private readonly onFailure: (room: Room) => void,
  ) {
    // The server shows no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) this.fresh.push(update);
      else this.unstored.push(update);
    });
    // The room's own corrections: no client may write under its id.
    this.writers.set(this.doc.clientID, { key: 'room' });
    this.awareness.on('update', this.onAwarenessUpdate);
    this.visits = new VisitLog(id, storage, log, options.visitWriteIntervalMs);
    this.metrics = options.metrics ?? NO_METRICS;
  }

  /**
   * Reads a board's stored updates and hands out the room; the document is built from them in
   * the room's queue BUILD_AFTER_MS later, so every message that needs it waits for it, while a
   * client that holds nothing yet is sent the stored updates at once (answerEmpty): a board of
   * thousands of notes takes the better part of a second to build, during which the process
   * reads no socket. With a fan-out, the room
   * listens to the other instances first, so that nothing they store falls between the load and
   * the subscription; what arrives meanwhile is handled after the build.
   */
  static async load(
    id: string,
    storage: Storage,
    options: RoomOptions,
    log: FastifyBaseLogger,
    onFailure: (room: Room) => void,
    fanout?: FanOut,
  ): Promise<Room> {
    const room = new Room(id, storage, options, log, onFailure);
    const loading = (async () => {
      if (fanout) room.link = await fanout.join(id, room.listener);
      const stored = await storage.loadDocument(id);
      room.whole.reset(stored.updates);
      room.seqs = new UpdateSequence(stored.lastSeq);
      room.appendedSinceCompaction = stored.updates.length - 1;
      room.storedBytes = stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    })();
    const build = () => {
      room.doc.transact(() => {
        for (const update of room.whole.updates()) Y.applyUpdate(room.doc, update);
      });
      room.unstored = [];
      room.built = true;
    };
    room.queue = loading
      .then(() => new Promise<void>((resolve) => setTimeout(resolve, BUILD_AFTER_MS)))
      .then(build, () => undefined)
      .catch((error: unknown) => room.fail(error));
    try {
      await loading;
    } catch (error) {
      room.failed = true;
      room.destroy();
      throw error;
    }
    // A log left long by a crash is compacted soon rather than on the next unload.
    room.compactSoon();
    return room;
  }

  /** Adds a connection and sends it the board and who is here. Never throws. */
  join(connection: Connection): void {
    this.connections.add(connection);
    // Asks for what the client has and the room lacks: at once when the document is built,
    // else once it is, unless the client said meanwhile that it held nothing (answerEmpty):
    // whatever it wrote since came as updates, and asking would bring those again.
    const askForMore = () => {
      if (!connection.isOpen || this.failed || this.answeredEmpty.has(connection)) return;
      connection.send(syncStep1Message(this.doc));
    };
    if (this.built) askForMore();
    else void this.enqueue(askForMore);
    try {
      const states = [...this.awareness.getStates().keys()];
      if (states.length > 0) connection.send(awarenessMessage(this.awareness, states));
    } catch (error) {
      this.log.error({ board: this.id, err: error }, 'could not greet a connection');
      connection.close(CLOSE_INTERNAL_ERROR, 'internal error');
    }
  }

  /** Removes a connection and the presence it owned; true when the room is now empty. */
  leave(connection: Connection): boolean {
    if (!this.connections.delete(connection)) return this.connections.size === 0;
    this.waitingForIds.delete(connection);
    this.visits.left(connection);
    for (const [client, writer] of this.writers) {
      if (writer.connection !== connection) continue;
      if (writer.key) writer.connection = undefined;
      else this.writers.delete(client);
    }
    // Whoever waited for ids this connection held sends again what the room lacks.
    if (this.waitingForIds.size > 0 && !this.destroyed) {
      const step1 = syncStep1Message(this.doc);
      for (const waiting of this.waitingForIds) waiting.send(step1);
      this.waitingForIds.clear();
    }
    const owned = [...connection.awarenessIds];
    for (const id of owned) {
      if (this.presenceOwners.get(id) === connection) this.presenceOwners.delete(id);
    }
    if (owned.length > 0 && !this.destroyed) {
      try {
        awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
      } catch (error) {
        this.log.error({ board: this.id, err: error }, 'could not remove presence');
      }
    }
    return this.connections.size === 0;
  }

  /** Handles one binary frame from a connection that has joined. Never throws. */
  receive(connection: Connection, frame: Uint8Array): void {
    try {
      connection.lastMessageAt = performance.now();
      const withinMessages = connection.messages.take();
      if (!withinMessages || !connection.bytes.take(frame.byteLength)) {
        // Frames already on their way after the close land here too: count the close once.
        if (connection.isOpen) this.metrics.limitHit(withinMessages ? 'byte_rate' : 'message_rate');
        this.log.warn(
          { board: this.id, role: connection.role },
          'client exceeded its message rate',
        );
        connection.close(CLOSE_TOO_MANY_MESSAGES, 'too many messages');
        return;
      }
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === MESSAGE_SYNC) {
        if (isEmptyStep1(frame)) this.answerEmpty(connection);
        else this.enqueue(() => this.handleSync(connection, decoder));
      } else if (type === MESSAGE_AWARENESS) {
        this.receivePresence(connection, decoding.readVarUint8Array(decoder));
      } else if (type === MESSAGE_QUERY_AWARENESS) {
        connection.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
      } else {
        throw new ProtocolError(CLOSE_UNSUPPORTED, `unknown message type ${type}`);
      }
    } catch (error) {
      this.reject(connection, error);
    }
  }

  /**
   * Sends a client that holds nothing the whole board from the stored updates, outside the
   * queue: they are all stored, so nobody sees anything not on disk, and whatever is stored
   * after this reaches the connection as a relayed update, since it has joined. The first update
   * (the last compaction) goes as it is, the ones stored after it merged into one and sent
   * ahead of it: Yjs keeps them pending until what they build on arrives, so that when the
   * client counts itself synced (at the step 2) it holds the whole board. The merged ones
   * take their place in `whole`, so the next to join is not merged for again.
   */
  private answerEmpty(connection: Connection): void {
    if (this.failed || !connection.isOpen) return;
    this.answeredEmpty.add(connection);
    const [first = EMPTY_UPDATE, ...rest] = this.whole.updates();
    if (rest.length > 0) {
      const since = rest.length === 1 ? (rest[0] as Uint8Array) : Y.mergeUpdates(rest);
      if (rest.length > 1) this.whole.reset([first, since]);
      connection.send(syncUpdateMessage(since));
    }
    connection.send(syncStep2UpdateMessage(first));
  }

  /** Runs after every queued message so far: their changes are stored and relayed. */
  flushed(): Promise<void> {
    return this.queue.then(() => this.stored.catch(() => undefined));
  }

  /**
   * A change of the server's own to the board (`apply` writes on the document): made in the
   * queue like every client's write, then stored and relayed to everyone, so that, as for any
   * write, nobody sees it before it is on disk.
   */
  change(apply: (doc: Y.Doc) => void): Promise<void> {
    return this.enqueue(async () => {
      if (this.failed) return;
      try {
        apply(this.doc);
      } finally {
        await this.storeAndRelay(undefined);
      }
    });
  }

  /** Stores the whole document as one update in place of the log so far (serialized). */
  compact(): Promise<void> {
    return this.enqueue(() => this.compactNow());
  }

  /** Closes every connection; the caller compacts first if it wants to. */
  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.link?.leave();
    clearTimeout(this.catchUpTimer);
    // Before storage closes on shutdown: the sockets' own close events may come after it.
    this.visits.leaveAll();
    this.awareness.off('update', this.onAwarenessUpdate);
    // A pending setImmediate runs once, finds the room destroyed and does nothing.
    if (this.presenceTimer && 'refresh' in this.presenceTimer) clearTimeout(this.presenceTimer);
    // Awareness keeps an interval timer that would hold the process open.
    this.awareness.destroy();
    this.doc.destroy();
  }

  private enqueue(task: () => void | Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  private async compactNow(): Promise<void> {
    // The document may hold writes still being stored; the queue waits, so it holds no more.
    await this.stored;
    if (this.failed || this.appendedSinceCompaction <= 0) return;
    // Only through what the document is known to hold: another instance may have stored
    // updates this one has not received yet, and those must stay.
    const throughSeq = this.seqs.through;
    const merged = Y.encodeStateAsUpdate(this.doc);
    const mergedSeq = await this.storage.compact(this.id, merged, throughSeq);
    this.whole.reset([merged]);
    this.countStored(mergedSeq);
    // The merged update holds nothing that was not stored before it: other instances need
    // only its number, not its bytes.
    this.link?.publishUpdate(mergedSeq, new Uint8Array(0));
    this.appendedSinceCompaction = 0;
    this.storedBytes = merged.byteLength;
    this.log.debug({ board: this.id, throughSeq }, 'compacted update log');
  }

  private async handleSync(connection: Connection, decoder: decoding.Decoder): Promise<void> {
    if (this.failed || !connection.isOpen) return;
    try {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === SYNC_STEP1) {
        const stateVector = decoding.readVarUint8Array(decoder);
        // Sent once what the document holds now is stored, writes still in flight included.
        const answer = syncStep2Message(this.doc, stateVector);
        this.afterStored(() => connection.send(answer));
      } else if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
        const taken = await this.write(connection, decoding.readVarUint8Array(decoder));
        if (connection.wantsAcks)
          this.afterStored(() => connection.send(savedMessage(syncType, taken)));
      } else {
        throw new ProtocolError(CLOSE_UNSUPPORTED, `unknown sync message type ${syncType}`);
      }
    } catch (error) {
      if (error instanceof StorageError) throw error.cause;
      this.reject(connection, error);
    }
  }

  /**
   * Reviews and applies one update from a client. A refused update is either never applied
   * (the writer is sent the deletion of what it added) or applied and undone in one
   * transaction; both ways nobody else ever sees the refused content.
   */
  private async write(connection: Connection, update: Uint8Array): Promise<boolean> {
    const review = reviewUpdate(this.doc, update, connection.peer);
    if (review.kind === 'missing') {
      // Ask the writer for everything the room lacks, dependencies included.
      this.log.info({ board: this.id, role: connection.role }, 'update with missing dependencies');
      // Not counted as a refusal: an honest writer's later updates all miss one that was held
      // back; the message allowance bounds the rest.
      this.metrics.heldBack('missing_dependencies');
      connection.send(syncStep1Message(this.doc));
      return false;
    }
    if (review.kind === 'refused') {
      this.metrics.refused(refusalKind(review.message, review.message));
      connection.send(syncUpdateMessage(undoItemsUpdate(this.doc, update)));
      this.refuse(connection, review.message, review.detail);
      return true;
    }
    if (!this.mayWriteAs(connection, review.writers)) {
      // Held back, not refused: the same browser on a connection the server has not yet seen
      // close, or someone else's id. It is asked again once that connection has gone.
      this.log.info({ board: this.id, role: connection.role }, 'update under a client id in use');
      this.metrics.heldBack('client_id_in_use');
      this.waitingForIds.add(connection);
      return false;
    }
    let full: string | undefined;
    if (this.storedBytes + update.byteLength > this.options.maxStoredBytes) {
      await this.guardStorage(() => this.compactNow());
      if (this.storedBytes + update.byteLength > this.options.maxStoredBytes) full = BOARD_FULL;
    }
    let refusal: string | undefined;
    try {
      refusal = applyReviewed(
        this.doc,
        update,
        review,
        { maxNotes: this.options.maxNotes },
        connection,
        full,
      );
    } finally {
      // Even if applying failed part-way, whatever reached the document is stored and relayed.
      // A refused write's correction goes to its writer as well, before the refusal.
      const stored = this.storeAndRelay(refusal ? undefined : connection);
      if (refusal) await stored;
    }
    if (refusal) {
      this.metrics.refused(refusalKind(refusal, review.refusal, full));
      this.refuse(connection, refusal, 'refused by the permission table or rules');
    }
    return true;
  }

  /** Whether `connection` may write under these client ids; claims those nobody writes under. */
  private mayWriteAs(connection: Connection, clients: Set<number>): boolean {
    const key = connection.peer.writerKey;
    for (const client of clients) {
      const writer = this.writers.get(client);
      // The stock client announces its presence under its document's client id when it
      // connects, before it writes: an id announced by another connection is that one's too.
      const announcer = this.presenceOwners.get(client);
      if (announcer && announcer !== connection && !(key && writer?.key === key)) return false;
      if (!writer || writer.connection === connection) continue;
      if (key && writer.key === key) continue;
      if (writer.connection === undefined && writer.key === undefined) continue;
      return false;
    }
    for (const client of clients) {
      const writer = this.writers.get(client);
      if (writer?.key && writer.key !== key) continue;
      // Most writes come from the connection that already writes under the id.
      if (writer?.connection === connection && writer.key === (key || undefined)) continue;
      this.writers.set(client, { connection, ...(key ? { key } : {}) });
    }
    return true;
  }

  private refuse(connection: Connection, message: string, detail: string): void {
    this.log.info({ board: this.id, role: connection.role, detail }, 'refused a write');
    connection.send(permissionDeniedMessage(message));
    this.countRefusal(connection);
  }

  private countRefusal(connection: Connection): void {
    if (connection.refusals.take()) return;
    this.metrics.limitHit('refusal_flood');
    this.log.warn({ board: this.id, role: connection.role }, 'client keeps sending refused writes');
    connection.close(CLOSE_TOO_MANY_MESSAGES, 'too many refused changes');
  }

  private async guardStorage<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      throw error instanceof StorageError ? error : new StorageError(error);
    }
  }

  /**
   * Stores what the document took since the last call and relays it once stored, without
   * waiting: appends of one board are numbered in the order they are made (the storage
   * promises it), so the room applies the next write while this one is stored, and the writes
   * of one group commit reach each client together (outbox.ts). Stored and relayed in order,
   * each after the ones before; `stored` settles after this one.
   */
  private storeAndRelay(origin: Connection | undefined): Promise<void> {
    const updates = this.unstored;
    this.unstored = [];
    if (updates.length === 0) return this.stored;
    const started = performance.now();
    const appends = Promise.all(updates.map((update) => this.append(update, started)));
    // Handled below, after the earlier writes; marked handled now so that a failure while
    // those are still on their way is not reported as unhandled.
    appends.catch(() => undefined);
    // Plain continuations rather than an async function: this runs for every write.
    const done = this.stored.then(() =>
      appends.then(
        (seqs) => this.relayStored(updates, seqs, origin),
        (error: unknown) => {
          throw new StorageError(error);
        },
      ),
    );
    this.stored = done;
    done.catch((error: unknown) => this.fail(error instanceof StorageError ? error.cause : error));
    return done;
  }

  /** Stores one update; `started` is when its write began, for the storage latency metric. */
  private async append(update: Uint8Array, started: number): Promise<number> {
    this.storedBytes += update.byteLength;
    const seq = await this.storage.appendUpdate(this.id, update);
    this.metrics.updateStored((performance.now() - started) / 1000);
    return seq;
  }

  /** Counts updates as stored (numbered `seqs`) and relays them to all but their writer. */
  private relayStored(updates: Uint8Array[], seqs: number[], origin: Connection | undefined): void {
    for (let index = 0; index < updates.length; index++) {
      const update = updates[index] as Uint8Array;
      const seq = seqs[index] ?? 0;
      this.whole.append(update);
      this.countStored(seq);
      this.link?.publishUpdate(seq, update);
      this.appendedSinceCompaction++;
    }
    if (this.destroyed) return;
    // Another instance may have stored the numbers before ours; wait for them briefly.
    if (this.seqs.hasGap) this.scheduleCatchUp(GAP_WAIT_MS);
    for (const update of updates) {
      const message = syncUpdateMessage(update);
      for (const connection of this.connections) {
        if (connection !== origin) connection.send(message);
      }
    }
    this.compactSoon();
  }

  /** Runs `then` once everything applied so far is stored (not at all if storing failed). */
  private afterStored(then: () => void): void {
    this.stored.then(then, () => undefined);
  }

  /**
   * Queues a compaction once the log has grown by `compactAfterUpdates` since the last: updates
   * this room stored and, with other instances, those it applied from them, so that a room
   * whose compaction could not reach past another instance's updates yet tries again later.
   */
  private compactSoon(): void {
    if (this.appendedSinceCompaction < this.options.compactAfterUpdates || this.compactionQueued)
      return;
    this.compactionQueued = true;
    const compact = () => {
      this.compactionQueued = false;
      return this.destroyed ? Promise.resolve() : this.compact();
    };
    if (this.options.compactions) this.options.compactions.add(compact);
    else setImmediate(compact);
  }

  /**
   * Counts an update this room stored. Alone on the board, the room holds everything stored
   * before it (SQLite numbers the updates of all boards together, so numbers skip); with other
   * instances, PostgreSQL numbers each board's updates without gaps, and earlier numbers may
   * be another instance's.
   */
  private countStored(seq: number): void {
    if (this.link) this.seqs.markApplied(seq);
    else this.seqs.caughtUpTo(seq);
  }

  /** What other instances tell this room; every document change runs in the queue. */
  private readonly listener: BoardListener = {
    update: (seq, update) => {
      if (this.destroyed) return;
      void this.enqueue(async () => {
        await this.stored;
        if (!this.seqs.offer(seq, update)) return;
        this.applyWaiting();
        if (this.seqs.hasGap) this.scheduleCatchUp(GAP_WAIT_MS);
      });
    },
    presence: (update) => {
      if (this.destroyed) return;
      try {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
      } catch (error) {
        this.log.error({ board: this.id, err: error }, 'could not apply remote presence');
      }
    },
    resumed: () => {
      if (!this.destroyed) void this.enqueue(() => this.catchUp());
    },
  };

  /** Applies other instances' updates that are next in order, and relays what they added. */
  private applyWaiting(): void {
    for (let update = this.seqs.takeNext(); update; update = this.seqs.takeNext()) {
      // Empty: a compaction's number, whose content came before it.
      if (update.byteLength > 0) this.applyStored(update);
    }
    this.relayFresh();
    this.compactSoon();
  }

  private applyStored(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE);
    this.whole.append(update);
    this.appendedSinceCompaction++;
    this.storedBytes += update.byteLength;
  }

  private relayFresh(): void {
    const fresh = this.fresh;
    this.fresh = [];
    for (const update of fresh) {
      const message = syncUpdateMessage(update);
      for (const connection of this.connections) connection.send(message);
    }
  }

  private scheduleCatchUp(delayMs: number): void {
    if (this.catchUpTimer || this.destroyed) return;
    this.catchUpTimer = setTimeout(() => {
      this.catchUpTimer = undefined;
      // Usually the missing numbers arrived meanwhile.
      if (!this.destroyed && this.seqs.hasGap) void this.enqueue(() => this.catchUp());
    }, delayMs).unref();
  }

  /** Reads from storage every update after those the document is known to hold. */
  private async catchUp(): Promise<void> {
    // Own writes still being stored would otherwise come back from storage as someone else's.
    await this.stored;
    if (this.failed || this.destroyed) return;
    const after = this.seqs.through;
    const rows = await this.storage.loadUpdatesSince(this.id, after);
    const last = rows.at(-1);
    if (!last) return;
    this.log.debug({ board: this.id, after, through: last.seq }, 'caught up from storage');
    for (const row of rows) if (!this.seqs.isOwn(row.seq)) this.applyStored(row.update);
    this.seqs.caughtUpTo(last.seq);
    this.applyWaiting();
  }

  /**
   * Applies the presence entries a connection may set: its own ids only (one owned by another
   * live connection is dropped), bounded states stamped with its real role, at a bounded rate.
   */
  private receivePresence(connection: Connection, update: Uint8Array): void {
    const entries = decodePresence(update);
    this.metrics.presenceReceived();
    if (!connection.presence.take()) {
      this.metrics.limitHit('presence_rate');
      return;
    }
    const now = performance.now();
    const accepted: (CheckedPresence & { name: string | undefined })[] = [];
    for (const entry of entries) {
      const owner = this.presenceOwners.get(entry.clientId);
      if (owner && owner !== connection) {
        const live =
          owner.isOpen && now - owner.lastMessageAt < this.options.presence.takeoverAfterMs;
        if (live) continue;
      }
      if (!owner && this.remoteIds.has(entry.clientId)) {
        // Someone's on another instance: theirs while it keeps renewing it (awareness's own
        // clock is wall time).
        const renewed = this.awareness.meta.get(entry.clientId)?.lastUpdated ?? 0;
        if (Date.now() - renewed < this.options.presence.takeoverAfterMs) continue;
      }
      if (owner !== connection) {
        if (connection.awarenessIds.size >= this.options.presence.maxIdsPerConnection) continue;
      }
      const stamped = stampPresence(entry.json, connection.role, this.options.presence);
      if (stamped === undefined || (stamped.state === null && owner !== connection)) continue;
      accepted.push({ clientId: entry.clientId, clock: entry.clock, ...stamped });
    }
    if (accepted.length === 0) return;
    const taken = applyPresence(this.awareness, accepted, connection);
    // Ownership follows what the awareness took. A stale 'null' must not release an id whose
    // state stays, and a stale state must not take one: the stock client sends back every
    // state it is sent, and its echo of a state whose owner is closing would otherwise make the
    // id its own.
    const states = this.awareness.getStates();
    for (const [index, { clientId, name }] of accepted.entries()) {
      const owner = this.presenceOwners.get(clientId);
      if (!states.has(clientId)) {
        if (owner === connection) this.presenceOwners.delete(clientId);
        connection.awarenessIds.delete(clientId);
        continue;
      }
      if (!taken[index]) continue;
      if (name !== undefined) this.visits.seen(connection, name);
      if (owner !== connection) {
        owner?.awarenessIds.delete(clientId);
        this.presenceOwners.set(clientId, connection);
        connection.awarenessIds.add(clientId);
      }
    }
  }

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    for (const id of [...added, ...updated, ...removed]) {
      this.presenceChanged.add(id);
      if (origin === REMOTE) {
        if (removed.includes(id)) this.remoteIds.delete(id);
        else this.remoteIds.add(id);
        continue;
      }
      // Awareness drops a state not renewed for 30 s ('timeout'): every instance does so for
      // the remote ones by itself.
      const remote = this.remoteIds.has(id);
      if (!remote || origin !== 'timeout') this.presenceToPublish.add(id);
      this.remoteIds.delete(id);
    }
    const every = this.options.presence.relayEveryMs;
    if (every <= 0) this.relayPresence();
    else if (this.presenceTimer === undefined) {
      // A throttle, not a debounce: a change after a quiet spell goes out once the messages
      // read with it are handled, and the next frame waits out the rest of the window.
      const wait = this.presenceRelayedAt + every - performance.now();
      this.presenceTimer =
        wait <= 0 ? setImmediate(this.relayPresence) : setTimeout(this.relayPresence, wait).unref();
    }
  };

  /**
   * Sends every presence change since the last time in one frame to everyone, the sender
   * included: the stock client counts its own renewed state coming back as a sign that the
   * connection is alive.
   */
  private relayPresence = (): void => {
    this.presenceTimer = undefined;
    if (this.destroyed || this.presenceChanged.size === 0) return;
    this.presenceRelayedAt = performance.now();
    const changed = [...this.presenceChanged];
    this.presenceChanged.clear();
    // Runs from a timer, or from the awareness timer that drops silent clients: nothing may
    // escape.
    try {
      const message = awarenessMessage(this.awareness, changed);
      for (const connection of this.connections) connection.send(message);
      this.metrics.presenceRelayed(this.connections.size);
      if (this.link && this.presenceToPublish.size > 0) {
        const own = [...this.presenceToPublish];
        this.link.publishPresence(awarenessProtocol.encodeAwarenessUpdate(this.awareness, own));
      }
      this.presenceToPublish.clear();
    } catch (error) {
      this.log.error({ board: this.id, err: error }, 'could not relay presence');
    }
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

/**
 * How long a loaded room waits before building its document: the stock client sends its sync
 * step 1 as soon as its socket opens, so the first people on a cold board are answered from
 * the stored updates before the build holds up the process.
 */
const BUILD_AFTER_MS = 50;

/** An update that changes nothing: the whole of a board with nothing stored. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * A sync step 1 with an empty state vector, as a client that holds nothing sends it: message
 * sync (0), step 1 (0), a state vector of one byte, no clients (0).
 */
function isEmptyStep1(frame: Uint8Array): boolean {
  return (
    frame.length === 4 &&
    frame[0] === MESSAGE_SYNC &&
    frame[1] === SYNC_STEP1 &&
    frame[2] === 1 &&
    frame[3] === 0
  );
}
