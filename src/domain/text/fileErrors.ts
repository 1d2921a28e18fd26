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
