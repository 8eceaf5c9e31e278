import { isOwnOutputRow } from '../../src/engine/output-rows';
import { outputBlock } from '../../src/engine/output';
import { RULES, score } from './helpers';

describe('isOwnOutputRow', () => {
  it('recognises the rows the scorer writes, in either language', () => {
    const r = score([10], [{ name: 'A', scores: [9] }, { name: 'B', scores: [5] }]);
    for (const lang of ['vi', 'en'] as const) for (const row of outputBlock(r, lang).rows) expect(isOwnOutputRow(row, RULES)).toBe(true);
    expect(isOwnOutputRow([0.8330123, 3, 'Hoàn thành tốt nhiệm vụ', ''], RULES)).toBe(true);
    expect(isOwnOutputRow([null, 1, 'Excellent', null], RULES)).toBe(true);
    expect(isOwnOutputRow([0, 12, 'Không hoàn thành nhiệm vụ', 'Chỉ số …'], RULES)).toBe(true);
  });

  it('refuses anything else: a signature, an empty row, other numbers or labels', () => {
    expect(isOwnOutputRow([null, null, null, 'Ký tên'], RULES)).toBe(false);
    expect(isOwnOutputRow([null, null, null, null], RULES)).toBe(false);
    expect(isOwnOutputRow([], RULES)).toBe(false);
    expect(isOwnOutputRow([83.3, 1, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false); // index over 1
    expect(isOwnOutputRow([-0.1, 1, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false);
    expect(isOwnOutputRow(['83,30%', 1, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false);
    expect(isOwnOutputRow([0.8, 0, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false); // rank 0
    expect(isOwnOutputRow([0.8, 1.5, 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false);
    expect(isOwnOutputRow([0.8, '1', 'Hoàn thành tốt nhiệm vụ', null], RULES)).toBe(false);
    expect(isOwnOutputRow([0.8, 1, 'Loại khá', null], RULES)).toBe(false);
    expect(isOwnOutputRow([0.8, 1, 'good', null], RULES)).toBe(false); // a code, not a label
    expect(isOwnOutputRow([0.8, 1, null, null], RULES)).toBe(false);
  });
});
