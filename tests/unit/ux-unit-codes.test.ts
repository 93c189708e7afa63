// Unit codes in a units import (issue #14): written codes read as the register writes them, and rows without a
// code get the next free code of the register's own pattern.
import { expect, it } from 'vitest';
import { normaliseUnitCode, proposeUnitCodes } from '../../src-main/features/unit-codes';

it('normalises spaces and case, keeping other marks', () => {
  expect(normaliseUnitCode('CD 050')).toBe('CD050');
  expect(normaliseUnitCode('cd049')).toBe('CD049');
  expect(normaliseUnitCode(' cđ 07 ')).toBe('CĐ07');
  expect(normaliseUnitCode('GD-01/a')).toBe('GD-01/A');
});

it('proposes the next free codes of the most used prefix and width', () => {
  expect(proposeUnitCodes(['CD001', 'CD002', 'cd 050', 'YT01'], 2)).toEqual(['CD051', 'CD052']);
  expect(proposeUnitCodes(['GD01', 'GD02', 'GD07', 'CD001'], 1)).toEqual(['GD08']);
  expect(proposeUnitCodes([], 2)).toEqual(['CD001', 'CD002']);
  expect(proposeUnitCodes(['X-1'], 1)).toEqual(['CD001']);
});
