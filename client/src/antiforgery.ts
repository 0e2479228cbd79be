/**
 * The API takes a signed-in browser's write only from this site: the browser's Origin header says so, and the
 * antiforgery token of the page's own forms (a page that writes through the API has them) says so too, for browsers
 * that leave Origin out.
 */
export function antiforgeryHeaders(doc: Document = document): Record<string, string> {
  const token = doc.querySelector<HTMLInputElement>('input[name="__RequestVerificationToken"]')?.value;
  return token ? { RequestVerificationToken: token } : {};
}
