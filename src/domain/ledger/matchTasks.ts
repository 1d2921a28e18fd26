import type { Task } from '../notice/types';

/** A task whose typed values followed its text to another id. */
export type TaskMove = { from: string; to: string };

/** Text compared between notices: no spaces, no punctuation, half-width digits and letters. */
export function normaliseTaskText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** Dice coefficient of character bigrams: 1 for equal texts, near 0 for unrelated ones. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** A task kept under its id whose text changed this much or less is the same task, edited. */
export const SAME_ID_EDIT = 0.6;
/** A task whose text changed a little and moved to another id. */
export const MOVED_EDIT = 0.85;

/**
 * Which new task each previous task id is, by id and text (DESIGN §6): the same id with the same
 * text; else a new task with the same text (renumbered: values follow the text); else the same
 * id with a slightly edited text (similarity ≥ SAME_ID_EDIT); else a new task with a slightly
 * edited text under another id (≥ MOVED_EDIT). A row whose text is unknown (任务内容 blank, a
 * ledger in a unit's own layout) goes where a row of the same id with a known text went, else
 * keeps its id. A reused id with other text is not the same task: `null`, and its rows
 * are kept as 已移出分工. Each new task takes at most one previous id.
 * Previous tasks are told apart by id and text: a row kept as 已移出分工 may share its id with a
 * live row of another task. `mapping` is keyed by `previousTaskKey`.
 * @param previous previous tasks: id and 任务内容 as shown in a ledger ('' when unknown), in ledger order
 */
export function matchTasks(previous: readonly { id: string; text: string }[], tasks: readonly Pick<Task, 'id' | 'text'>[]): { mapping: Map<string, string | null>; moves: TaskMove[] } {
  const newText = new Map(tasks.map((t) => [t.id, normaliseTaskText(t.text)]));
  const byText = new Map<string, string[]>();
  for (const [id, text] of newText) byText.set(text, [...(byText.get(text) ?? []), id]);
  const oldText = new Map(previous.map((p) => [previousTaskKey(p.id, p.text), normaliseTaskText(p.text)]));
  const idOf = new Map(previous.map((p) => [previousTaskKey(p.id, p.text), p.id]));
  const mapping = new Map<string, string | null>();
  const claimed = new Set<string>();
  const take = (key: string, to: string): void => {
    mapping.set(key, to);
    claimed.add(to);
  };
  const open = (): string[] => [...oldText.keys()].filter((id) => !mapping.has(id));
  // 1. Same id, same text.
  for (const [key, text] of oldText) if (text.length > 0 && newText.get(idOf.get(key) as string) === text) take(key, idOf.get(key) as string);
  // 2. Same text under another id: renumbered.
  for (const key of open()) {
    const text = oldText.get(key) as string;
    if (text.length === 0) continue;
    const to = (byText.get(text) ?? []).find((t) => !claimed.has(t));
    if (to !== undefined) take(key, to);
  }
  // 3. Same id, text edited a little.
  for (const key of open()) {
    const [id, text] = [idOf.get(key) as string, oldText.get(key) as string];
    const now = newText.get(id);
    if (text.length > 0 && now !== undefined && !claimed.has(id) && textSimilarity(text, now) >= SAME_ID_EDIT) take(key, id);
  }
  // 4. Another id, text edited a little.
  for (const key of open()) {
    const text = oldText.get(key) as string;
    if (text.length === 0) continue;
    let best: { id: string; score: number } | null = null;
    for (const [to, now] of newText) {
      if (claimed.has(to)) continue;
      const score = textSimilarity(text, now);
      if (score >= MOVED_EDIT && (best === null || score > best.score)) best = { id: to, score };
    }
    if (best) take(key, best.id);
  }
  // 5. Text unknown (a row with 任务内容 blank, a ledger in a unit's own layout): where the same
  // id with a known text went, else the id alone.
  for (const key of open()) if ((oldText.get(key) as string).length > 0) mapping.set(key, null);
  const known = new Map<string, string | null>();
  for (const [key, to] of mapping) if ((oldText.get(key) as string).length > 0 && (known.get(idOf.get(key) as string) ?? null) === null) known.set(idOf.get(key) as string, to);
  for (const key of open()) {
    const id = idOf.get(key) as string;
    if (known.has(id)) mapping.set(key, known.get(id) ?? null);
    else mapping.set(key, newText.has(id) ? id : null);
  }
  // In the previous order, whatever pass matched each.
  const ordered = new Map([...oldText.keys()].map((key) => [key, mapping.get(key) ?? null]));
  const moves = [...ordered].filter((e): e is [string, string] => e[1] !== null && e[1] !== idOf.get(e[0])).map(([key, to]) => ({ from: idOf.get(key) as string, to }));
  // Rows of one id with and without text: one move.
  const unique = moves.filter((m, i) => moves.findIndex((n) => n.from === m.from && n.to === m.to) === i);
  return { mapping: ordered, moves: unique };
}

/** A previous task: its id and its normalised text. */
export const previousTaskKey = (id: string, text: string): string => `${id}\u0000${normaliseTaskText(text)}`;
