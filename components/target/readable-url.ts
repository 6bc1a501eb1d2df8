/**
 * An address as a reader reads it: percent-escapes of non-ASCII text decoded (`…/wiki/2018年…` rather than
 * `…/wiki/2018%E5%B9%B4…`); the link itself keeps the address as stored. An address that does not decode stays as is.
 */
export function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
