/** A cell's value as merge compares it: blank (empty, only spaces) is one value. */
export const isBlank = (v: string | number | boolean | null | undefined): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Whether two typed values are the same: both blank, or equal (text to the letter, numbers exactly). */
export const sameValue = (a: string | number | boolean | null | undefined, b: string | number | boolean | null | undefined): boolean => (isBlank(a) && isBlank(b)) || a === b;
