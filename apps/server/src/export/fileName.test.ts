import type { SessionSummary } from '@dartboard/board';
import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName } from './fileName.js';

const titled = (title: string) =>
  ({ title, generatedAt: '2026-11-26T10:00:00.000Z' }) as SessionSummary;

describe('exportFileName', () => {
  it('keeps German and Spanish letters, and spells them in ASCII for the fallback', () => {
    expect(exportFileName(titled('Straße Größe'), 'pdf')).toEqual({
      name: 'dartboard-straße-größe-2026-11-26.pdf',
      ascii: 'dartboard-strasse-grosse-2026-11-26.pdf',
    });
    expect(exportFileName(titled('Año de España: piloto'), 'md')).toEqual({
      name: 'dartboard-año-de-españa-piloto-2026-11-26.md',
      ascii: 'dartboard-ano-de-espana-piloto-2026-11-26.md',
    });
  });

  it('keeps a title in Chinese, with "session" in ASCII, and makes "session" of emoji only', () => {
    expect(exportFileName(titled('销售研讨会 2027'), 'csv')).toEqual({
      name: 'dartboard-销售研讨会-2027-2026-11-26.csv',
      ascii: 'dartboard-2027-2026-11-26.csv',
    });
    expect(exportFileName(titled('销售研讨会'), 'csv').ascii).toBe(
      'dartboard-session-2026-11-26.csv',
    );
    expect(exportFileName(titled('🚀🎉 ✨'), 'png')).toEqual({
      name: 'dartboard-session-2026-11-26.png',
      ascii: 'dartboard-session-2026-11-26.png',
    });
  });

  it('is lower case, words joined by one dash, at most 60 characters of title', () => {
    const { name } = exportFileName(titled(`Acme -- Renewal_${'x'.repeat(80)}`), 'md');
    expect(name).toBe(`dartboard-acme-renewal-${'x'.repeat(47)}-2026-11-26.md`);
  });
});

describe('contentDisposition', () => {
  it('is the plain filename= alone for an ASCII name', () => {
    expect(contentDisposition(exportFileName(titled('Acme renewal'), 'md'))).toBe(
      'attachment; filename="dartboard-acme-renewal-2026-11-26.md"',
    );
  });

  it('adds the name in UTF-8 as filename*= (RFC 5987) when it is not ASCII', () => {
    const header = contentDisposition(exportFileName(titled('Straße Größe'), 'pdf'));
    expect(header).toBe(
      `attachment; filename="dartboard-strasse-grosse-2026-11-26.pdf"; filename*=UTF-8''dartboard-stra%C3%9Fe-gr%C3%B6%C3%9Fe-2026-11-26.pdf`,
    );
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)?.[1] ?? '';
    expect(decodeURIComponent(encoded)).toBe('dartboard-straße-größe-2026-11-26.pdf');
  });
});
