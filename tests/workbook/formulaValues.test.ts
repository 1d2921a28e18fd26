import { compare, criterion, formatNumber, FormulaError, numberText, roundHalfAway, toBool, toNumber, toText, type Scalar } from '../../src/domain/formula/values';

/** The value rules behind cached results, as Excel, WPS and LibreOffice apply them to Duban's formulas. */
const NA = new FormulaError('#N/A');

describe('conversions', () => {
  it('writes numbers as & and TEXT(…,"General") do: integers whole, others to 15 significant digits', () => {
    expect([numberText(3), numberText(-12), numberText(0.1 + 0.2), numberText(1 / 3), numberText(1e15), numberText(2.5)]).toEqual(['3', '-12', '0.3', '0.333333333333333', '1000000000000000', '2.5']);
  });

  it('reads values as numbers: empty 0, booleans 1/0, trimmed numeric text, else #VALUE!', () => {
    expect([toNumber(null), toNumber(7), toNumber(true), toNumber(false), toNumber(' 8.5 '), toNumber('1e3')]).toEqual([0, 7, 1, 0, 8.5, 1000]);
    expect([toNumber(''), toNumber('  '), toNumber('八'), toNumber('Infinity')].map((v) => (v as FormulaError).code)).toEqual(['#VALUE!', '#VALUE!', '#VALUE!', '#VALUE!']);
    expect(toNumber(NA)).toBe(NA);
  });

  it('reads values as text: empty "", numbers as written, booleans TRUE/FALSE, errors kept', () => {
    expect([toText(null), toText(42), toText(0.5), toText(true), toText(false), toText('文')]).toEqual(['', '42', '0.5', 'TRUE', 'FALSE', '文']);
    expect(toText(NA)).toBe(NA);
  });

  it('reads values as booleans: empty FALSE, numbers by zero, TRUE/FALSE text in any case, else #VALUE!', () => {
    expect([toBool(null), toBool(true), toBool(false), toBool(2), toBool(0), toBool('true'), toBool('False')]).toEqual([false, true, false, true, false, true, false]);
    expect((toBool('是') as FormulaError).code).toBe('#VALUE!');
    expect(toBool(NA)).toBe(NA);
  });
});

describe('comparison', () => {
  const c = (a: Scalar, b: Scalar) => compare(a, b);
  it('orders numbers, then text, then booleans, whatever the values', () => {
    expect([c(1e9, 'a'), c('a', 1e9), c('z', true), c(true, 'z'), c(false, 5), c(5, false)]).toEqual([-1, 1, -1, 1, 1, -1]);
  });

  it('compares within a type: numbers by value, text ignoring case, booleans FALSE before TRUE', () => {
    expect([c(1, 2), c(2, 1), c(2, 2), c('abc', 'ABC'), c('a', 'b'), c('b', 'a'), c(false, true), c(true, false), c(true, true)]).toEqual([-1, 1, 0, 0, -1, 1, -1, 1, 0]);
  });

  it('reads an empty cell as 0, "" or FALSE after the other side', () => {
    expect([c(null, 0), c(0, null), c(null, ''), c('', null), c(null, false), c(null, 'a'), c(null, -1), c(null, null)]).toEqual([0, 0, 0, 0, 0, -1, 1, 0]);
  });

  it('passes an error on from either side', () => {
    expect(c(NA, 1)).toBe(NA);
    expect(c(1, NA)).toBe(NA);
  });
});

describe('criteria of COUNTIF, COUNTIFS and SUMIF', () => {
  const matches = (crit: Scalar, values: Scalar[]) => values.filter(criterion(crit));
  it('a number or boolean matches equal values of its type; an empty criterion matches 0', () => {
    expect(matches(3, [3, '3', 4, true])).toEqual([3]);
    expect(matches(true, [true, 1, 'TRUE'])).toEqual([true]);
    expect(matches(null, [0, null, ''])).toEqual([0]);
  });

  it('a number after an operator compares numbers, and = or <> also numeric text', () => {
    const values: Scalar[] = [1, 2, 3, '2', ' ', null, 'x'];
    expect(matches('>2', values)).toEqual([3]);
    expect(matches('>=2', values)).toEqual([2, 3]);
    expect(matches('<2', values)).toEqual([1]);
    expect(matches('<=2', values)).toEqual([1, 2]);
    expect(matches('=2', values)).toEqual([2, '2']);
    expect(matches('2', values)).toEqual([2, '2']);
    expect(matches('<>2', values)).toEqual([1, 3, ' ', null, 'x']);
  });

  it('text compares text ignoring case, with * ? and ~ as in spreadsheets; = alone matches empty cells', () => {
    const values: Scalar[] = ['已完成', '已完成（部分）', 'ABC', 'abd', '*', '', null, 5];
    expect(matches('已完成', values)).toEqual(['已完成']);
    expect(matches('已完成*', values)).toEqual(['已完成', '已完成（部分）']);
    expect(matches('ab?', values)).toEqual(['ABC', 'abd']);
    expect(matches('~*', values)).toEqual(['*']);
    expect(matches('a.c', ['abc', 'a.c'])).toEqual(['a.c']);
    expect(matches('=', values)).toEqual(['', null]);
    expect(matches('<>', values)).toEqual(['已完成', '已完成（部分）', 'ABC', 'abd', '*', 5]);
    expect(matches('<>已完成', ['已完成', '推进中', null])).toEqual(['推进中', null]);
    expect(matches('>b', ['a', 'c', 'B', 5])).toEqual(['c']);
    expect(matches('<b', ['a', 'c', 5])).toEqual(['a']);
    expect(matches('>=b', ['a', 'b', 'c'])).toEqual(['b', 'c']);
    expect(matches('<=b', ['a', 'b', 'c'])).toEqual(['a', 'b']);
  });

  it('an error is no criterion', () => {
    expect(() => criterion(NA)).toThrow();
  });
});

describe('rounding and TEXT', () => {
  it('rounds half away from zero, through binary noise', () => {
    expect([roundHalfAway(0.285, 2), roundHalfAway(-0.285, 2), roundHalfAway(2.5, 0), roundHalfAway(-2.5, 0), roundHalfAway(1.005, 2), roundHalfAway(0.1234, 3)]).toEqual([0.29, -0.29, 3, -3, 1.01, 0.123]);
  });

  it('formats 0, 0.0, 0% and 0.0% only', () => {
    expect([formatNumber(2.5, '0'), formatNumber(1 / 3, '0.0'), formatNumber(0.125, '0%'), formatNumber(2 / 7, '0.0%'), formatNumber(-0.5, '0')]).toEqual(['3', '0.3', '13%', '28.6%', '-1']);
    expect(() => formatNumber(1, '#,##0')).toThrow();
    expect(() => formatNumber(1, 'yyyy-mm-dd')).toThrow();
  });
});
