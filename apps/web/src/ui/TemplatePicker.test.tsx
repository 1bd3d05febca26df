// @vitest-environment jsdom
import type { TemplateName } from '@dartboard/board';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { TemplatePicker } from './TemplatePicker';

afterEach(cleanup);

function Picker({ chosen }: { chosen: TemplateName[] }) {
  const [value, setValue] = useState<TemplateName>('dart');
  return (
    <TemplatePicker
      value={value}
      onChange={(template) => {
        chosen.push(template);
        setValue(template);
      }}
    />
  );
}

describe('TemplatePicker', () => {
  it('offers the four templates by name, DART chosen, each described and drawn', () => {
    render(<Picker chosen={[]} />);
    const group = screen.getByRole('group', { name: 'Template' });
    const radios = screen.getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual([
      'dart',
      'spin',
      'journey',
      'blank',
    ]);
    for (const name of ['DART', 'SPIN', 'Journey', 'Blank']) {
      expect(screen.getByRole('radio', { name })).toBeTruthy();
    }
    expect(screen.getByRole('radio', { name: 'DART' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'SPIN' }).getAttribute('aria-describedby')).toBe(
      'template-spin-description',
    );
    // One drawn zone per zone of the template: 4 DART, 4 SPIN, 6 journey, none on a blank board.
    const previews = group.querySelectorAll('svg');
    expect([...previews].map((svg) => svg.querySelectorAll('g').length)).toEqual([4, 4, 6, 0]);
  });

  it('reports the template chosen by clicking its name', () => {
    const chosen: TemplateName[] = [];
    render(<Picker chosen={chosen} />);
    fireEvent.click(screen.getByText('Journey'));
    expect(screen.getByRole('radio', { name: 'Journey' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByText('SPIN'));
    expect(chosen).toEqual(['journey', 'spin']);
  });
});
