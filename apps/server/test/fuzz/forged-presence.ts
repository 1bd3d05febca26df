import * as encoding from 'lib0/encoding';
import type { PresenceEntry } from '../../src/rooms/presence.js';
import { frame, type Hostile, presenceFrame } from './frames.js';
import type { Rng } from './rng.js';

// Forged presence (Yjs awareness): entries that claim an honest client's id or a raised role,
// oversized, deeply nested or malformed states, prototype pollution, impossible ids, and
// frames with many entries at once.

const person = (name: string, role = 'edit') =>
  JSON.stringify({ user: { name, color: '#2563eb', role }, cursor: { x: 1, y: 2 } });

/**
 * A presence frame from the hostile socket `name` (one forged entry, sometimes many, sometimes
 * garbage); `honestIds` are the awareness ids of the honest clients, to forge theirs.
 */
export function forgedPresence(r: Rng, honestIds: readonly number[], name: string): Hostile {
  const roll = r.int(10);
  if (roll === 0) {
    return {
      kind: 'presence garbage',
      data: frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, r.bytes(r.int(64)));
      }),
    };
  }
  const count = roll === 1 ? 2 + r.int(40) : 1;
  const entries: PresenceEntry[] = [];
  let kind = 'presence';
  for (let i = 0; i < count; i++) {
    const entry = presenceEntry(r, honestIds, name);
    kind = count > 1 ? 'presence, many entries' : `presence: ${entry.kind}`;
    entries.push(entry.entry);
  }
  return { kind, data: presenceFrame(entries) };
}

function presenceEntry(
  r: Rng,
  honestIds: readonly number[],
  name: string,
): { kind: string; entry: PresenceEntry } {
  const clock = r.chance(0.5) ? 1 + r.int(20) : r.int(2 ** 31);
  // Ids the hostile sockets share, so they also fight over each other's.
  const ownId = 4_000 + r.int(12);
  const honest = r.pick(honestIds);
  const entry = (kind: string, clientId: number, json: string) => ({
    kind,
    entry: { clientId, clock, json },
  });
  switch (r.int(11)) {
    case 0:
      return entry('forged honest', honest, person('FORGED', 'facilitator'));
    case 1:
      return entry('forged honest leaving', honest, 'null');
    case 2:
      return entry('own', ownId, person(`hostile ${name}`, r.pick(['facilitator', 'x'])));
    case 3:
      return entry('oversized', r.chance(0.5) ? honest : ownId, person('x'.repeat(4097)));
    case 4: {
      const depth = 9 + r.int(r.chance(0.1) ? 20_000 : 40);
      const json = r.chance(0.5)
        ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
        : `${'['.repeat(depth)}${']'.repeat(depth)}`;
      return entry('deeply nested', r.chance(0.5) ? honest : ownId, json);
    }
    case 5: {
      const json = r.pick(['{', '{"user":', 'undefined', '\u0000', "{'a':1}", r.text(30)]);
      return entry('invalid JSON', r.chance(0.5) ? honest : ownId, json);
    }
    case 6: {
      const json = r.pick(['null', '42', '"s"', '[]', 'true', '[{"user":{}}]', '{}']);
      return entry('not an object', r.chance(0.5) ? honest : ownId, json);
    }
    case 7: {
      const json = r.pick([
        '{"__proto__":{"polluted":true},"user":{"name":"p","__proto__":{"role":"facilitator"}}}',
        '{"user":"facilitator"}',
        '{"user":[1,2]}',
        '{"user":null,"constructor":{"prototype":{"x":1}}}',
      ]);
      return entry('odd shape', r.chance(0.3) ? honest : ownId, json);
    }
    case 8:
      return entry('huge id', r.pick([2 ** 32, 2 ** 53 - 1, 0]), person('huge'));
    case 9:
      return entry('own leaving', ownId, 'null');
    default:
      return entry('own, weird name', ownId, person(r.text(60)));
  }
}
