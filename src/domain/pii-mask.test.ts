import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './pii-mask.js';

describe('masking personal information', () => {
  it('masks as the platform shows it', () => {
    expect(maskIdNumber('32050419800101123X')).toBe('3205**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0512-6512345')).toBe('051****2345');
    expect(maskAddress('江苏省苏州市姑苏区人民路100号3幢201室')).toBe('江苏省苏州市姑苏区****');
    expect(maskName('张三丰')).toBe('张**');
  });
});
