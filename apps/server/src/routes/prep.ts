import { defaultPrep, type Prep, parsePrep } from '@dartboard/board';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, requestToken } from '../access.js';
import { badRequest, forbidden } from '../errors.js';
import type { Storage } from '../storage/types.js';
import { boardParams, tokenQuery } from './schemas.js';

// The facilitator's preparation (packages/board prep.ts): stored beside the board, never in its
// document, so no websocket client ever receives it. Only the facilitator link reads or writes.

export interface PrepRoutesOptions {
  storage: Storage;
  /** Requests one client address may make per minute, per route. */
  requestsPerMinute: number;
}

export const PREP_CONFLICT_MESSAGE = 'Someone else saved the preparation in the meantime.';

/** The stored preparation and its revision; the defaults at revision 0 when none was saved. */
export async function currentPrep(
  storage: Storage,
  boardId: string,
): Promise<{ revision: number; prep: Prep }> {
  const stored = await storage.loadPrep(boardId);
  if (!stored) return { revision: 0, prep: defaultPrep() };
  const parsed = parsePrep(JSON.parse(stored.data));
  // Only checked preparations are ever saved: anything else is a fault, not the client's.
  if (!parsed.ok) throw new Error(`stored preparation of ${boardId} is invalid: ${parsed.error}`);
  return { revision: stored.revision, prep: parsed.prep };
}

export async function prepRoutes(app: FastifyInstance, options: PrepRoutesOptions) {
  const { storage } = options;
  const limit = { rateLimit: { max: options.requestsPerMinute, timeWindow: '1 minute' } };

  // Before the body is validated: a customer learns nothing from this route, not even why
  // their body would have been refused.
  const facilitatorOnly = async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    const { role } = await authorize(storage, id, requestToken(request));
    if (role !== 'facilitator') {
      throw forbidden('Only the facilitator link can open the preparation.');
    }
  };

  app.get<{ Params: { id: string } }>(
    '/api/boards/:id/prep',
    {
      config: limit,
      preValidation: facilitatorOnly,
      schema: { params: boardParams, querystring: tokenQuery },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return currentPrep(storage, request.params.id);
    },
  );

  app.put<{ Params: { id: string }; Body: { revision: number; prep: unknown } }>(
    '/api/boards/:id/prep',
    {
      config: limit,
      preValidation: facilitatorOnly,
      schema: {
        params: boardParams,
        querystring: tokenQuery,
        body: {
          type: 'object',
          required: ['revision', 'prep'],
          additionalProperties: false,
          properties: {
            revision: { type: 'integer', minimum: 0 },
            prep: { type: 'object' },
          },
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const parsed = parsePrep(request.body.prep);
      if (!parsed.ok) throw badRequest(parsed.error);
      reply.header('cache-control', 'no-store');
      const revision = await storage.savePrep(
        id,
        JSON.stringify(parsed.prep),
        request.body.revision,
      );
      if (revision === undefined) {
        const current = await currentPrep(storage, id);
        return reply
          .code(409)
          .send({ error: 'conflict', message: PREP_CONFLICT_MESSAGE, ...current });
      }
      return { revision, prep: parsed.prep };
    },
  );
}
