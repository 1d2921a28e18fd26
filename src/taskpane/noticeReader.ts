// The domain code that reads a notice, gathered for the pane to load in one piece when needed.
export { parseNotice } from '../domain/notice/parseNotice';
export { decodeNotice } from '../domain/text/decode';
