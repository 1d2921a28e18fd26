export * from './notice/types';
export { parseNotice } from './notice/parseNotice';
export { decodeNotice } from './text/decode';
export { createDirectory } from './units/directory';
export { toNoticeDocument, type NoticeDocument } from './notice/document';
export { formatOverview } from './notice/overview';
