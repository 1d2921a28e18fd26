import { staleAsOfHint } from '../../src/cli/buildCommand';

describe('build without --as-of on a notice of an earlier year', () => {
  it('says which 统计日期 is used and suggests the notice year end', () => {
    const hint = staleAsOfHint(null, 2020, '2026-12-05');
    expect(hint).toContain('今天 2026-12-05');
    expect(hint).toContain('--as-of 2020-12-31');
  });
  it('says nothing with --as-of, for this year, or without a year', () => {
    expect([staleAsOfHint('2020-10-15', 2020, '2026-12-05'), staleAsOfHint(null, 2026, '2026-12-05'), staleAsOfHint(null, null, '2026-12-05')]).toEqual([null, null, null]);
  });
});
