import { AUTHOR_MAX_LENGTH, type Role } from '@dartboard/board';
import type { FastifyBaseLogger } from 'fastify';
import type { Storage } from '../storage/types.js';
import type { Connection } from './connection.js';

// Who was on a board, for the summary's participants: the name and role each connection's
// presence carried, and when it was first and last there. Presence changes with every cursor
// move, so a connection's visit is written when its presence first names someone, then at most
// once per interval while it stays, and when it leaves. Only names, roles and times are kept:
// the visitor is the public person id of a connection with a writer key, else role and name.

interface Visit {
  visitor: string;
  name: string;
  role: Role;
  firstSeen: number;
  lastSeen: number;
  /** When the visit was last written (ms since the epoch). */
  writtenAt: number;
}

/** A display name as the board keeps authors: one line, trimmed, bounded; undefined if blank. */
function displayName(raw: string): string | undefined {
  const name = raw.replace(/\s+/g, ' ').trim().slice(0, AUTHOR_MAX_LENGTH);
  return name === '' ? undefined : name;
}

export class VisitLog {
  private readonly visits = new Map<Connection, Visit>();

  constructor(
    private readonly boardId: string,
    private readonly storage: Storage,
    private readonly log: FastifyBaseLogger,
    private readonly intervalMs: number,
  ) {}

  /** The connection's presence now carries `rawName`. Writes only when a write is due. */
  seen(connection: Connection, rawName: string): void {
    const name = displayName(rawName);
    if (name === undefined) return;
    const now = Date.now();
    const visit = this.visits.get(connection);
    if (!visit) {
      const { personId } = connection.peer;
      const fresh: Visit = {
        visitor: personId ? `person:${personId}` : `${connection.role}:${name}`,
        name,
        role: connection.role,
        firstSeen: now,
        lastSeen: now,
        writtenAt: now,
      };
      this.visits.set(connection, fresh);
      this.write(fresh);
      return;
    }
    visit.name = name;
    visit.lastSeen = now;
    if (now - visit.writtenAt >= this.intervalMs) {
      visit.writtenAt = now;
      this.write(visit);
    }
  }

  /** The connection left: its visit (if it named anyone) is written with this as its end. */
  left(connection: Connection): void {
    const visit = this.visits.get(connection);
    if (!visit) return;
    this.visits.delete(connection);
    visit.lastSeen = Date.now();
    this.write(visit);
  }

  /** Every connection left (the room is going away). */
  leaveAll(): void {
    for (const connection of [...this.visits.keys()]) this.left(connection);
  }

  private write(visit: Visit): void {
    const { visitor, name, role, firstSeen, lastSeen } = visit;
    // A lost visit costs a line of the summary, never the session: it is logged, not thrown.
    void Promise.resolve()
      .then(() =>
        this.storage.recordVisit(this.boardId, { visitor, name, role, firstSeen, lastSeen }),
      )
      .catch((error: unknown) =>
        this.log.warn({ board: this.boardId, err: error }, 'could not record a visit'),
      );
  }
}
