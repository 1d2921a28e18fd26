export const MB = 1024 * 1024;

/**
 * Human size for messages.
 * @example sizeText(14.2 * MB) //=> '14.2 MB'
 */
export function sizeText(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
