import type { Peer } from './presence';

/** Someone who joined or left, as the page says it. */
export interface Arrival {
  kind: 'joined' | 'left';
  name: string;
  color: string;
}

/** The same person again: a reload gives them a new client id but the same name and colour. */
function personKey(peer: Peer): string {
  return `${peer.user.color} ${peer.user.name}`;
}

/**
 * Tells who joins and who leaves from the people present, seen again and again. The first look
 * is who was already here (nobody "joined"). Someone who goes is only reported as gone once
 * `graceMs` have passed without them (or someone with their name and colour) coming back, so a
 * reload or a connection that drops for a moment says nothing at all.
 */
export function createArrivals(graceMs: number) {
  let present: Map<number, Peer> | undefined;
  const leaving = new Map<number, { peer: Peer; since: number }>();

  return {
    /** Who is here at `now` (milliseconds); returns who joined since the last look. */
    see(peers: readonly Peer[], now: number): Arrival[] {
      const next = new Map(peers.map((peer) => [peer.clientId, peer]));
      const before = present;
      present = next;
      if (!before) return [];
      const joined: Arrival[] = [];
      for (const [id, peer] of next) {
        if (before.has(id)) continue;
        const back = [...leaving].find(
          ([gone, { peer: was }]) => gone === id || personKey(was) === personKey(peer),
        );
        if (back) leaving.delete(back[0]);
        else joined.push({ kind: 'joined', name: peer.user.name, color: peer.user.color });
      }
      for (const [id, peer] of before) {
        if (!next.has(id)) leaving.set(id, { peer, since: now });
      }
      return joined;
    },
    /** Who has now been gone for `graceMs` at `now`; each is reported once. */
    left(now: number): Arrival[] {
      const gone: Arrival[] = [];
      for (const [id, { peer, since }] of leaving) {
        if (now - since < graceMs) continue;
        leaving.delete(id);
        gone.push({ kind: 'left', name: peer.user.name, color: peer.user.color });
      }
      return gone;
    },
  };
}
