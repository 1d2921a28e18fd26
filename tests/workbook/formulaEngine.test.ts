import { FormulaEngine, type Grid, type GridCell } from '../../src/domain/formula/evaluate';
import { FormulaError } from '../../src/domain/formula/values';

/** A grid from rows of cells: strings starting with `=` are formulas. */
function grid(sheets: Record<string, Array<Array<string | number | null>>>, names: Record<string, string> = {}): Grid {
  const at = (sheet: string, r: number, c: number): GridCell | undefined => {
    const v = sheets[sheet]?.[r - 1]?.[c - 1];
    if (v === undefined || v === null) return undefined;
    return typeof v === 'string' && v.startsWith('=') ? { formula: v.slice(1) } : { value: v };
  };
  return { cell: at, lastRow: (s) => sheets[s]?.length ?? 0, hasSheet: (s) => s in sheets, name: (n) => names[n] };
}

const TODAY = 44119;

describe('the formula engine behind cached results', () => {
  const g = grid(
    {
      台账: [
        ['任务编号', '状态', '截止', '序'],
        ['1.1', '已完成', 44100, 1],
        ['1.2', '推进中', 44200, 2],
        ['1.2', null, 44050, 2],
        ['2*', '已完成', null, 3, 'task'],
      ],
      汇总: [
        [44119, 15],
        ['=COUNTIF(\'台账\'!$B:$B,"已完成")', '=COUNTIFS(\'台账\'!$A:$A,"1.2",\'台账\'!$C:$C,"<="&Duban_AsOf)', '=COUNTIF(台账!A:A,"2~*")', '=COUNTIF(台账!B2:B5,"")'],
        ['=MATCH(2,Duban_Order,1)', '=MATCH(9,Duban_Order,1)', '=IFERROR(MATCH(0,Duban_Order,1),0)', '=INDEX(台账!$A:$A,4)=台账!A3'],
        ['=TEXT(1/8,"0%")', '=TEXT(2/7,"0%")&"（2/7）"', '=IF(A2=0,"—",A2/4)', '=台账!B4=""'],
        ['=N(台账!A1)+1', '=台账!B4&""', '=ROW()', '=FOO(1)'],
        ['=D5+1', '=AND(LEN(TRIM(" a  b "))=3,ISNUMBER(台账!C2))', '=TODAY()-A1', '=NA()'],
        ['=MATCH("1.2",台账!$A:$A,0)', '=MATCH("已完成",台账!B2:B5,0)', '=MATCH(44200,台账!C:C,0)', '=MATCH("44200",台账!C:C,0)'],
        ['=MATCH("2~*",台账!A:A,0)', '=MATCH("TASK",台账!E:E,0)', '=MATCH(2,台账!D2:D5,0)', '=MATCH(7,台账!D2:D5,0)'],
        ['=CHOOSE(IFERROR(MATCH("每季度",{"每月","每两月";"每季度"},0),1),"m","b","q")', '=DATE(YEAR(A1),MONTH(A1)+3,0)', '=DATE(2020,13,1)-DATE(2020,12,1)', '=INT(-2.5)&"/"&INT((MONTH(A1)+2)/3)'],
        ['=MATCH(1,{"1","2"},0)', '=DAY(DATE(2021,2,29))', '=SUM({1,2,-3.5})', '=CHOOSE(4,1,2,3)'],
        ['=COUNTIF(台账!A:A,"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(A12,"~","~~"),"*","~*"),"?","~?"))', '=COUNTIF(台账!A:A,A12)', '=SUBSTITUTE("a~b~","~","~~")', '=SUBSTITUTE("ab","","x")'],
        ['2*'],
      ],
    },
    { Duban_AsOf: "'汇总'!$A$1", Duban_Order: "'台账'!$D$2:$D$5" },
  );
  const e = new FormulaEngine(g, TODAY);
  const v = (address: string): unknown => {
    const m = /^([A-Z])(\d+)$/.exec(address) as RegExpExecArray;
    return e.valueAt('汇总', Number(m[2]), (m[1] as string).charCodeAt(0) - 64);
  };

  it('counts by text, by dates against a name, with wildcards escaped, and empty cells by ""', () => {
    expect([v('A2'), v('B2'), v('C2'), v('D2')]).toEqual([2, 1, 1, 1]);
  });

  it('finds the last of equal values in sorted data, #N/A below the first, as a binary search does', () => {
    expect([v('A3'), v('B3'), v('C3'), v('D3')]).toEqual([3, 4, 0, true]);
  });

  it('finds the first equal value exactly, text ignoring case, a number never as text', () => {
    // Row 7 asks again over the same areas: the engine's lookups are reused and must still answer per value.
    expect([v('A7'), v('B7'), v('C7'), v('D7')]).toEqual([3, 1, 3, new FormulaError('#N/A')]);
    // Wildcards in an exact MATCH are left to the spreadsheet (Duban writes none).
    expect([v('A8'), v('B8'), v('C8'), v('D8')]).toEqual([undefined, 5, 2, new FormulaError('#N/A')]);
  });

  it('looks up in array constants, chooses, and counts dates as serials with months and days rolling over', () => {
    // A1 is 44119, 2020-10-15: DATE(2020, 13, 0) is 2020-12-31 (44196); December has 31 days.
    expect([v('A9'), v('B9'), v('C9'), v('D9')]).toEqual(['q', 44196, 31, '-3/4']);
    expect([v('A10'), v('B10'), v('C10'), v('D10')]).toEqual([new FormulaError('#N/A'), 1, -0.5, new FormulaError('#VALUE!')]);
  });

  it('escapes a criterion with SUBSTITUTE so "2*" counts only itself, where unescaped it is a pattern', () => {
    // 台账!A holds 1.1, 1.2, 1.2, 2*: escaped, one match; as a pattern "2*" matches the same one here,
    // and more wherever another id starts with 2 (see the sources test).
    expect([v('A11'), v('B11'), v('C11'), v('D11')]).toEqual([1, 1, 'a~~b~~', 'ab']);
  });

  it('counts DATE in the workbook\'s own date system (1904: 1 462 days less)', () => {
    const e1904 = new FormulaEngine(grid({ S: [['=DATE(2020,12,31)', '=YEAR(42734)']] }), 0, 1904);
    expect([e1904.valueAt('S', 1, 1), e1904.valueAt('S', 1, 2)]).toEqual([42734, 2020]);
  });

  it('rounds TEXT half away from zero, divides, compares an empty cell with ""', () => {
    expect([v('A4'), v('B4'), v('C4'), v('D4')]).toEqual(['13%', '29%（2/7）', 0.5, true]);
  });

  it('reads text as 0 in N, joins an empty cell as "", knows its row, and leaves unknown functions (and what uses them) to the spreadsheet', () => {
    expect([v('A5'), v('B5'), v('C5'), v('D5')]).toEqual([1, '', 5, undefined]);
    expect(v('A6')).toBeUndefined();
  });

  it('trims as spreadsheets do, reads TODAY from the caller, and keeps errors as errors', () => {
    expect([v('B6'), v('C6')]).toEqual([true, 0]);
    expect(v('D6')).toEqual(new FormulaError('#N/A'));
  });
});
