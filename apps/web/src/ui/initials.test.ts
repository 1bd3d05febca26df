import { describe, expect, it } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  it('takes the first letter of the first and last word', () => {
    expect(initials('Sam Seller')).toBe('SS');
    expect(initials('ann marie lee')).toBe('AL');
    expect(initials('Cara')).toBe('C');
    expect(initials('  Bob   ')).toBe('B');
  });

  it('never shows punctuation, digits or symbols', () => {
    expect(initials('Sam (Sales)')).toBe('SS');
    expect(initials('(Sales) Sam')).toBe('SS');
    expect(initials('Sam - Sales')).toBe('SS');
    expect(initials('"Ann"')).toBe('A');
    expect(initials('Mary O’Brien')).toBe('MO');
    expect(initials('Jean-Luc Picard')).toBe('JP');
    expect(initials('3M team')).toBe('MT');
  });

  it('reads letters of every script', () => {
    expect(initials('Ölçer Zoë')).toBe('ÖZ');
    expect(initials('Σοφία Παπά')).toBe('ΣΠ');
    expect(initials('李 小龍')).toBe('李小');
    // An accent typed as a separate combining mark stays on its letter.
    expect(initials('E\u0301mile')).toBe('É');
  });

  it('is "?" when there is no letter at all', () => {
    expect(initials('')).toBe('?');
    expect(initials('   ')).toBe('?');
    expect(initials('123 (!)')).toBe('?');
    expect(initials('🙂 🎉')).toBe('?');
  });

  it('keeps markup as plain letters', () => {
    expect(initials('<b>Bob</b>')).toBe('B');
  });
});
