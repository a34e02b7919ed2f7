/** Random names for highlights and in-page UI: nothing a page script could guess or search for. */
export function randomHighlightName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return 'h' + Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
