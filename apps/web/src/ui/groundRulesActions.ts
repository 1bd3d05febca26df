// What the page writes about the people of a session: their record (name and role), their
// agreement to the ground rules, and the facilitator's rules themselves. The relay lets only
// this browser write its own record and only the facilitator write the rules; the page checks
// the same first, so nothing is offered that would be refused.
import {
  agreeToGroundRules,
  DEFAULT_GROUND_RULES,
  joinSession,
  may,
  readPerson,
  setGroundRules,
} from '@dartboard/board';
import type { BoardContextValue } from './boardContext';
import { runsSession, sessionNow } from './sessionActions';

/**
 * Whether this person may write their own record now: an edit or facilitator link with a
 * person id, and for a customer a session that did not end read-only (roles.ts, person.write).
 */
export function writesOwnRecord(ctx: BoardContextValue): boolean {
  const readOnly = ctx.board.getSnapshot().session.end.readOnly;
  return ctx.personId !== undefined && may(ctx.role, 'person.write', false, readOnly);
}

/**
 * Records this person on the board under their name and role; call it once the server's board
 * has arrived (a record made before would race the one the server holds). Returns true when
 * the record is new: the person opens this board for the first time. View links write nothing.
 */
export function joinAsPerson(ctx: BoardContextValue): boolean {
  const { personId } = ctx;
  if (!personId || !writesOwnRecord(ctx)) return false;
  const fresh = readPerson(ctx.doc, personId) === undefined;
  joinSession(ctx.doc, personId, ctx.name, ctx.role, sessionNow(ctx));
  return fresh;
}

/** "I agree" (or, with `agreed` false, withdrawing it). */
export function agreeToRules(ctx: BoardContextValue, agreed: boolean): void {
  if (!ctx.personId || !writesOwnRecord(ctx)) return;
  agreeToGroundRules(ctx.doc, ctx.personId, agreed, sessionNow(ctx));
}

/** The facilitator saves the rules as edited (empty lines dropped). */
export function saveGroundRules(ctx: BoardContextValue, rules: readonly string[]): void {
  if (runsSession(ctx)) setGroundRules(ctx.doc, rules);
}

export const defaultGroundRules = (): string[] => [...DEFAULT_GROUND_RULES];
