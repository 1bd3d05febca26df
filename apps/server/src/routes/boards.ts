import {
  applyTemplate,
  DEFAULT_TITLE,
  normalizeTitle,
  ROLES,
  type Role,
  readMeta,
  TEMPLATE_NAMES,
  type TemplateName,
  TITLE_MAX_LENGTH,
} from '@dartboard/board';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { authorize, requestToken } from '../access.js';
import { forbidden } from '../errors.js';
import { newBoardTokens, replaceLink, sealTokens, shareableTokens } from '../links.js';
import { CLOSE_LINK_REVOKED } from '../rooms/connection.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { Storage } from '../storage/types.js';
import { hashToken, newBoardId } from '../tokens.js';
import { boardParams, tokenQuery } from './schemas.js';

export interface BoardRoutesOptions {
  storage: Storage;
  rooms: RoomRegistry;
  /** Base URL of the web app for share links; by default taken from the request. */
  publicUrl: string | undefined;
  /** Boards one client address may create per minute. */
  createBoardsPerMinute: number;
  /** Board look-ups one client address may make per minute. */
  requestsPerMinute: number;
}

const roleLinks = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(ROLES.map((role) => [role, { type: 'string' }])),
} as const;

function baseUrl(request: FastifyRequest, publicUrl: string | undefined): string {
  return (publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

/** The share link of a board for a token: the board in the path, the secret in the fragment. */
function boardLink(base: string, boardId: string, token: string): string {
  return `${base}/b/${encodeURIComponent(boardId)}#token=${encodeURIComponent(token)}`;
}

/** Every link of `tokens`, by role. */
function linksOf(base: string, boardId: string, tokens: Partial<Record<Role, string>>) {
  return Object.fromEntries(
    ROLES.flatMap((role) => {
      const token = tokens[role];
      return token ? [[role, boardLink(base, boardId, token)]] : [];
    }),
  );
}

export async function boardRoutes(app: FastifyInstance, options: BoardRoutesOptions) {
  const { storage, rooms, publicUrl, createBoardsPerMinute } = options;
  const lookupLimit = { rateLimit: { max: options.requestsPerMinute, timeWindow: '1 minute' } };

  app.post<{ Body: { title?: string; template?: TemplateName } | undefined }>(
    '/api/boards',
    {
      config: { rateLimit: { max: createBoardsPerMinute, timeWindow: '1 minute' } },
      // A POST without any body creates a board with the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            title: { type: 'string', maxLength: TITLE_MAX_LENGTH },
            template: { type: 'string', enum: [...TEMPLATE_NAMES] },
          },
        },
        response: {
          201: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              title: { type: 'string' },
              tokens: roleLinks,
              links: roleLinks,
            },
          },
        },
      },
    },
    async (request, reply) => {
      const title = normalizeTitle(request.body?.title ?? DEFAULT_TITLE);
      const template = request.body?.template ?? 'dart';
      const id = newBoardId();
      const createdAt = Date.now();
      const doc = new Y.Doc();
      applyTemplate(doc, { template, title, createdAt });
      const tokens = newBoardTokens();
      await storage.createBoard(
        { id, title, template, createdAt },
        ROLES.map((role) => ({ role, hash: hashToken(tokens[role]) })),
        Y.encodeStateAsUpdate(doc),
        sealTokens(id, tokens),
      );
      doc.destroy();
      const links = linksOf(baseUrl(request, publicUrl), id, tokens);
      request.log.info({ board: id, template }, 'board created');
      return reply.code(201).send({ id, title, tokens, links });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/boards/:id',
    {
      config: lookupLimit,
      schema: {
        params: boardParams,
        querystring: tokenQuery,
        response: {
          200: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              title: { type: 'string' },
              role: { type: 'string', enum: [...ROLES] },
              links: roleLinks,
              serverTime: { type: 'number' },
            },
          },
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { role, token } = await authorize(storage, id, requestToken(request));
      const title = await rooms.readDocument(id, (doc) => readMeta(doc).title);
      const tokens = await shareableTokens(storage, id, role, token);
      const links = linksOf(baseUrl(request, publicUrl), id, tokens);
      // The page sets its session timer by the server's clock, so everyone's countdown agrees.
      return { id, title, role, links, serverTime: Date.now() };
    },
  );

  app.post<{ Params: { id: string }; Body: { role: 'edit' | 'view' } }>(
    '/api/boards/:id/links/rotate',
    {
      config: lookupLimit,
      schema: {
        params: boardParams,
        querystring: tokenQuery,
        body: {
          type: 'object',
          required: ['role'],
          additionalProperties: false,
          properties: { role: { type: 'string', enum: ['edit', 'view'] } },
        },
        response: {
          200: { type: 'object', properties: { tokens: roleLinks, links: roleLinks } },
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { role, token } = await authorize(storage, id, requestToken(request));
      if (role !== 'facilitator') throw forbidden('Only the facilitator link can replace links.');
      const replacedRole = request.body.role;
      const { tokens, replaced } = await replaceLink(storage, id, token, replacedRole);
      const closed = rooms.closeLink(
        id,
        Buffer.from(hashToken(replaced)).toString('hex'),
        CLOSE_LINK_REVOKED,
        'link replaced',
      );
      request.log.info({ board: id, role: replacedRole, closed }, 'link replaced');
      return { tokens, links: linksOf(baseUrl(request, publicUrl), id, tokens) };
    },
  );
}
