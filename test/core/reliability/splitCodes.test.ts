import { describe, expect, it } from 'vitest';
import { splitCodes } from '../../../src/core/reliability/parseCodes.js';

describe('splitCodes', () => {
  it('reads one code, none, and every separator the same way', () => {
    expect(splitCodes('')).toEqual([]);
    expect(splitCodes('fin')).toEqual(['fin']);
    expect(splitCodes('fin;tax')).toEqual(['fin', 'tax']);
    expect(splitCodes('fin, tax；fin，edu')).toEqual(['fin', 'tax', 'edu']);
    expect(splitCodes(' fin ')).toEqual(['fin']);
    expect(splitCodes('\u3000fin\u3000')).toEqual(['fin']);
    expect(splitCodes(';;')).toEqual([]);
  });
});
