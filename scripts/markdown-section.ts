/**
 * Replaces the section of a Markdown document that starts with the heading line `marker`, up to
 * the next `## ` heading. A document without it gets the section before the heading line
 * `before` when given and present (e.g. `## Scale`, which bench:scale rewrites to the end),
 * else at its end.
 */
export function replaceSection(text: string, marker: string, section: string, before?: string): string {
  const at = text.indexOf(`${marker}\n`);
  if (at >= 0) {
    const next = text.indexOf("\n## ", at + marker.length);
    return text.slice(0, at) + section + (next < 0 ? "" : text.slice(next));
  }
  const anchor = before === undefined ? -1 : text.indexOf(`${before}\n`);
  return anchor < 0 ? `${text.trimEnd()}\n\n${section}` : `${text.slice(0, anchor)}${section}\n${text.slice(anchor)}`;
}
