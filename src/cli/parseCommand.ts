import { parseNotice } from '../domain/notice/parseNotice';
import { toNoticeDocument } from '../domain/notice/document';
import { formatOverview } from '../domain/notice/overview';
import type { ParseOptions, ParsedNotice } from '../domain/notice/types';
import { readNoticeFile } from './readNotice';
import { checkFlags, singleFile, type Args } from './args';
import type { Io } from './io';

/** Read and parse a notice file; decoding issues come first in `issues`. */
export async function parseNoticeFile(path: string, options: ParseOptions): Promise<ParsedNotice> {
  const { text, issues } = await readNoticeFile(path);
  const parsed = parseNotice(text, options);
  return { ...parsed, issues: [...issues, ...parsed.issues] };
}

/** `duban parse <notice> [--json] [--lead-first]` */
export async function parseCommand(args: Args, io: Io): Promise<number> {
  checkFlags(args, ['--json', '--lead-first']);
  const file = singleFile(args, '用法：duban parse <通知.txt|.docx> [--json] [--lead-first]');
  const parsed = await parseNoticeFile(file, { leadFirst: args.flags.has('--lead-first') });
  io.out(args.flags.has('--json') ? JSON.stringify(toNoticeDocument(parsed), null, 2) : formatOverview(parsed));
  return 0;
}
