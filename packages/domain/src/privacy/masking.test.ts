import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from './masking.ts';

describe('maskIdNumber', () => {
  it.each([
    ['410123199001011234', '4101**********1234'],
    ['11010519491231002X', '1101**********002X'],
    ['12345678', '********'],
    ['', ''],
    [null, ''],
  ])('%j → %j', (raw, masked) => expect(maskIdNumber(raw)).toBe(masked));
});

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['0371-66661234', '0371****1234'],
    ['66661234', '666*1234'],
    ['1234', '****'],
    [undefined, ''],
  ])('%j → %j', (raw, masked) => expect(maskPhone(raw)).toBe(masked));
});
