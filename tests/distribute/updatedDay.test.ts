import { returnedIsNewer, updatedDay } from '../../src/domain/distribute/updatedDay';

describe('which side of a conflict is newer, by 更新日期', () => {
  it('reads dates typed as text as the days they say', () => {
    expect(updatedDay('2020年12月25日', 1900)).toBe(44190);
    expect(updatedDay('２０２０．１２．２５', 1900)).toBe(44190);
    expect(updatedDay('2020年12月25日', 1904)).toBe(44190 - 1462);
    expect(updatedDay('下周', 1900)).toBeNull();
    expect(updatedDay(null, 1900)).toBeNull();
  });

  it('a later text date beats an earlier real date, and an earlier one loses; equal days go to the unit', () => {
    const dec1 = 44166; // 2020-12-01
    expect(returnedIsNewer('2020年12月25日', dec1, 1900)).toBe(true);
    expect(returnedIsNewer('2020年11月25日', dec1, 1900)).toBe(false);
    expect(returnedIsNewer('2020-12-01', dec1, 1900)).toBe(true);
    expect(returnedIsNewer(dec1, '2020年12月25日', 1900)).toBe(false);
  });

  it('the unit wins when the master has no date, and loses when only the master has one', () => {
    expect(returnedIsNewer(null, null, 1900)).toBe(true);
    expect(returnedIsNewer('待定', '不详', 1900)).toBe(true);
    expect(returnedIsNewer('待定', 44166, 1900)).toBe(false);
  });
});
