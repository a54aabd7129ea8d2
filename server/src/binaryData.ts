// Whether a text is binary data read as text (an image renamed `.transcript`, UTF-16 read as
// UTF-8). One check for every place that decides: the server declining an open document
// (declineReason), the workspace readers (Node's own, and the one through the client), and the
// client answering transcript/readFile — which imports this file too, so it imports nothing.

/** How much of the start of a text is looked at. */
const HEAD = 65536;

/** NUL characters, or mostly control characters (tabs, line breaks and form feeds aside), in the first 64 KB. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, HEAD);
  if (head.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > 32 && control > head.length / 20;
}
