// Readers for values that come out of a shared document. Any peer can write any value into a
// Y.Map, so every accessor reads through these and falls back to a default instead of trusting
// the type it expects.

/** A finite number, or `fallback` for anything else (NaN, strings, missing fields). */
export function readNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A string cut to `maxLength`, or `fallback` when the value is not a string. */
export function readString(value: unknown, fallback: string, maxLength: number): string {
  return typeof value === 'string' ? value.slice(0, maxLength) : fallback;
}

/** Throws a RangeError unless every named value is a finite number. */
export function assertFinite(values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number`);
  }
}

/** Clamps `value` into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
