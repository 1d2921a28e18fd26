/** A numbered item `N．…` with its text as written (raw) and canonical (same length, same indices). */
export type ItemBlock = {
  no: number;
  section: number | null;
  /** Position of its section in `sections` (-1 when before any). */
  sectionIndex: number;
  raw: string;
  text: string;
  /** Offsets in `text` where each source line begins, with that line's number. */
  lineStarts: Array<{ offset: number; line: number }>;
  /** Where a paragraph of a later section was joined to this item: tasks from `offset` on stand in that section. */
  sectionAt?: Array<{ offset: number; section: number | null; sectionIndex: number }>;
  /** Own-line labels (`牵头单位：X`) read but not yet written into the text as one bracket. */
  labels?: Array<{ raw: string; text: string; line: number }>;
};
