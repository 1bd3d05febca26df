import { ExportOptionError, type ExportOptions } from './exportTask.js';
import { PNG_SCALE_MAX, PNG_SCALE_MIN } from './pictureLimits.js';

/** `zone=<id>`, when given. */
export function zoneOption(options: ExportOptions): { zoneId?: string } {
  return options.zone === undefined || options.zone === '' ? {} : { zoneId: options.zone };
}

/** `scale=`: a number from PNG_SCALE_MIN to PNG_SCALE_MAX, 1 when absent. */
export function scaleOption(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const scale = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(scale >= PNG_SCALE_MIN && scale <= PNG_SCALE_MAX)) {
    throw new ExportOptionError(
      `scale must be a number from ${PNG_SCALE_MIN} to ${PNG_SCALE_MAX}, got "${value}".`,
    );
  }
  return scale;
}
