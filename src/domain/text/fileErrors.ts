/**
 * Why a file could not be read, in the words a clerk knows, from Node's error code: `ENOENT`
 * means nothing to someone who typed a file name.
 *
 * @example readFailureReason('ENOENT', '…') //=> '文件不存在（请检查文件名和所在文件夹）'
 */
export function readFailureReason(code: string | undefined, message: string): string {
  switch (code) {
    case 'ENOENT':
      return '文件不存在（请检查文件名和所在文件夹）';
    case 'EACCES':
    case 'EPERM':
      return '没有读取这个文件的权限';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'EBUSY':
      return '文件正被其他程序占用，请关闭后再试';
    default:
      return code ?? message;
  }
}

/**
 * Why a .docx could not be read, in Chinese: the reader (mammoth and the zip under it) speaks
 * English ("Maximum call stack size exceeded", "Corrupted zip…", "Invalid string length"), which a
 * clerk should never see inside a Chinese line.
 *
 * @example docxFailureReason('Maximum call stack size exceeded') //=> '文档的表格或段落嵌套层次过深（可能是构造的文件），无法读取'
 */
export function docxFailureReason(message: string): string {
  if (/call stack/i.test(message)) return '文档的表格或段落嵌套层次过深（可能是构造的文件），无法读取';
  if (/string length|array length|allocation failed|out of memory/i.test(message)) return '文档内容过大，无法读取';
  return '文件已损坏，或不是 Word 文档（旧版 .doc 请在 Word 中另存为 .docx）';
}
