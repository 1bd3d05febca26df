import { buildSummary } from '@dartboard/board';
import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import { authorize, requestToken } from '../access.js';
import { badRequest, forbidden } from '../errors.js';
import {
  EXPORT_FORMATS,
  ExportOptionError,
  exportFileName,
  isExportFormat,
} from '../export/formats.js';
import { summaryOptions } from '../export/summaryOptions.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { Storage } from '../storage/types.js';
import { boardParams } from './schemas.js';

export interface SummaryRoutesOptions {
  storage: Storage;
  rooms: RoomRegistry;
}

type Query = { token?: string; format?: string; zone?: string; scale?: string };

/** `GET /api/boards/:id/summary?format=`: the session summary in each export format. */
export async function summaryRoutes(app: FastifyInstance, options: SummaryRoutesOptions) {
  const { storage, rooms } = options;

  app.get<{ Params: { id: string }; Querystring: Query }>(
    '/api/boards/:id/summary',
    {
      schema: {
        params: boardParams,
        querystring: {
          type: 'object',
          properties: {
            token: { type: 'string', maxLength: 256 },
            format: { type: 'string', maxLength: 16 },
            zone: { type: 'string', maxLength: 64 },
            scale: { type: 'string', maxLength: 16 },
          },
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { role } = await authorize(storage, id, requestToken(request));
      if (role !== 'facilitator')
        throw forbidden('Only the facilitator link can export the summary.');
      const name = request.query.format ?? 'md';
      const format = isExportFormat(name) ? EXPORT_FORMATS[name] : undefined;
      if (!format) {
        const list = Object.keys(EXPORT_FORMATS).join(', ');
        throw badRequest(`Unknown format "${name}": use one of ${list}.`);
      }
      const summaryInput = await summaryOptions(storage, id, new Date());
      // The summary and the document are read together, from the room's live copy if loaded.
      const { summary, update } = await rooms.readDocument(id, (doc) => ({
        summary: buildSummary(doc, summaryInput),
        update: Y.encodeStateAsUpdate(doc),
      }));
      const { zone, scale } = request.query;
      let body: string | Uint8Array;
      try {
        body = await format.render({ summary, update, options: { zone, scale } });
      } catch (error) {
        if (error instanceof ExportOptionError) throw badRequest(error.message);
        throw error;
      }
      return reply
        .type(format.contentType)
        .header('content-disposition', `attachment; filename="${exportFileName(summary, format)}"`)
        .send(typeof body === 'string' ? body : Buffer.from(body));
    },
  );
}
