import { BOARD_ID_PATTERN } from '../tokens.js';

// JSON schemas the board routes share: Fastify validates params and query strings with them
// and answers 400 for anything else.

/** `:id`, a board id. */
export const boardParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', pattern: BOARD_ID_PATTERN } },
} as const;

/** `?token=`, for clients that cannot set the Authorization header. */
export const tokenQuery = {
  type: 'object',
  properties: { token: { type: 'string', maxLength: 256 } },
} as const;
