import type { DirectoryEntry } from '../units/builtinDirectory';

/** Edit distance (insert, delete, substitute one character) between two names. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[y.length] as number;
}

/**
 * The directory name an unknown name most likely means, or null: a typo (`市财正局` → `市财政局`,
 * at most one edit in three characters) or a name that holds or is held by a directory form
 * (`天津市财政局办公室` → `市财政局`, `财政局` → `市财政局`). Groups and placeholders are never suggested.
 * @example closestUnitName('市财正局', BUILTIN_DIRECTORY) //=> '市财政局'
 * @example closestUnitName('某某协会', BUILTIN_DIRECTORY) //=> null
 */
export function closestUnitName(name: string, directory: readonly DirectoryEntry[]): string | null {
  let best: { name: string; score: number } | null = null;
  for (const entry of directory) {
    if (entry.category === 'group' || entry.category === 'placeholder') continue;
    for (const form of [entry.name, entry.fullName, ...entry.aliases]) {
      if (form.length < 2) continue;
      const distance = editDistance(name, form);
      const allowed = Math.max(1, Math.floor(Math.max([...name].length, [...form].length) / 3));
      // Containment counts as a near miss whatever the length difference: 财政局 is 市财政局.
      const contained = name.length >= 3 && form.length >= 3 && (name.includes(form) || form.includes(name));
      const score = contained ? Math.min(distance, 1) : distance <= allowed ? distance : Infinity;
      if (score < (best?.score ?? Infinity)) best = { name: entry.name, score };
    }
  }
  return best?.name ?? null;
}
