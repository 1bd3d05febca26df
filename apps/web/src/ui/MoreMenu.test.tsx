// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MoreMenu } from './MoreMenu';

afterEach(cleanup);

function renderMenu() {
  const chosen: string[] = [];
  render(
    <>
      <MoreMenu
        actions={[
          { label: 'Share', onSelect: () => chosen.push('Share') },
          { label: 'Export CSV (.csv)', onSelect: () => chosen.push('Export'), disabled: true },
          { label: 'Zoom to fit', onSelect: () => chosen.push('Fit') },
        ]}
      />
      <p>Elsewhere</p>
    </>,
  );
  return { chosen, button: screen.getByRole('button', { name: 'More' }) };
}

describe('MoreMenu', () => {
  it('opens as a menu with the first item focused, and closes back onto its button', () => {
    const { button } = renderMenu();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'More' });
    expect(button.getAttribute('aria-controls')).toBe(menu.id);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Share' }));
    fireEvent.keyDown(menu, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('moves with the arrows, Home and End, wrapping and skipping what is disabled', () => {
    const { button } = renderMenu();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    const menu = screen.getByRole('menu');
    const fit = screen.getByRole('menuitem', { name: 'Zoom to fit' });
    const share = screen.getByRole('menuitem', { name: 'Share' });
    expect(document.activeElement).toBe(fit);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(share);
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(fit);
    fireEvent.keyDown(menu, { key: 'Home' });
    expect(document.activeElement).toBe(share);
    fireEvent.keyDown(menu, { key: 'End' });
    expect(document.activeElement).toBe(fit);
  });

  it('does what an item says and closes; a press elsewhere closes it too', () => {
    const { button, chosen } = renderMenu();
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Zoom to fit' }));
    expect(chosen).toEqual(['Fit']);
    expect(screen.queryByRole('menu')).toBeNull();

    fireEvent.click(button);
    fireEvent.pointerDown(screen.getByText('Elsewhere'));
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
