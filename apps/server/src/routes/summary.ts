import type { FastifyInstance } from 'fastify';
import { authorize, requestToken } from '../access.js';
import { badRequest, forbidden } from '../errors.js';
import type { ExportPool } from '../export/exportPool.js';
import { ExportOptionError } from '../export/exportTask.js';
import { contentDisposition } from '../export/fileName.js';
import { EXPORT_FORMATS, isExportFormat } from '../export/formats.js';
import { summaryOptions } from '../export/summaryOptions.js';
import type { RoomRegistry } from '../rooms/registry.js';
import type { Storage } from '../storage/types.js';
import { boardParams } from './schemas.js';

export interface SummaryRoutesOptions {
  storage: Storage;
  rooms: RoomRegistry;
  exportPool: ExportPool;
}

type Query = { token?: string; format?: string; zone?: string; scale?: string };

/**
 * `GET /api/boards/:id/summary?format=`: the session summary in each export format. The route
 * only reads the board's document and the summary's options; the export pool does the rest.
 */
export async function summaryRoutes(app: FastifyInstance, options: SummaryRoutesOptions) {
  const { storage, rooms, exportPool } = options;

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
      const now = new Date();
      const [summary, updates] = await Promise.all([
        summaryOptions(storage, id, now),
        rooms.readStoredUpdates(id),
      ]);
      const { zone, scale } = request.query;
      let file: Awaited<ReturnType<ExportPool['run']>>;
      try {
        file = await exportPool.run({
          format: name,
          updates,
          summary,
          options: { zone, scale },
          thisYear: now.getFullYear(),
        });
      } catch (error) {
        if (error instanceof ExportOptionError) throw badRequest(error.message);
        throw error;
      }
      return reply
        .type(format.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .send(Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength));
    },
  );
}
