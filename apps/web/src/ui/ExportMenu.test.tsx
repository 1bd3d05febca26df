// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportMenu, type ExportState, ExportStatus } from './ExportMenu';
import { EXPORT_CHOICES } from './exportFormats';

afterEach(cleanup);

function renderMenu(state: ExportState = { step: 'idle' }) {
  const chosen: string[] = [];
  render(
    <>
      <ExportMenu
        state={state}
        onExport={(format) => chosen.push(format)}
        onCopy={() => chosen.push('copy')}
      />
      <ExportStatus state={state} />
    </>,
  );
  return { chosen, button: screen.getByRole('button', { name: 'Export' }) };
}

describe('ExportMenu', () => {
  it('offers the formats the server has, by name, then Copy summary', () => {
    expect(EXPORT_CHOICES.map((choice) => choice.format)).toEqual([
      'md',
      'json',
      'csv',
      'pdf',
      'svg',
      'png',
    ]);
    const { button, chosen } = renderMenu();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    fireEvent.click(button);
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual([
      'Markdown (.md)',
      'JSON (.json)',
      'CSV (.csv)',
      'PDF (.pdf)',
      'SVG image (.svg)',
      'PNG image (.png)',
      'Copy summary…',
    ]);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Markdown (.md)' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'CSV (.csv)' }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Copy summary…' }));
    expect(chosen).toEqual(['csv', 'copy']);
  });

  it('while one export is prepared, says so and offers no other', () => {
    const { button } = renderMenu({ step: 'busy', format: 'json' });
    expect(screen.getByRole('status').textContent).toBe('Preparing JSON (.json)…');
    fireEvent.click(button);
    expect(screen.getByRole('menuitem', { name: 'Markdown (.md)' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('says which export failed and why', () => {
    renderMenu({ step: 'failed', format: 'csv', message: 'The server answered 500.' });
    expect(screen.getByRole('alert').textContent).toBe(
      'Export as CSV (.csv) failed: The server answered 500. Check the connection and try again.',
    );
  });
});
