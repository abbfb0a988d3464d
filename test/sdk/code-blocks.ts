/** A fenced code block of a Markdown document: its info string's first word and its text. */
export interface CodeBlock {
  readonly language: string;
  readonly code: string;
}

/** The document's fenced (```) code blocks, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)) {
    blocks.push({ language: (match[1] ?? "").trim().split(/\s+/)[0] ?? "", code: match[2] ?? "" });
  }
  return blocks;
}

/** The one block that `matches`; fails naming `what` when there is none or more than one. */
export function theBlock(markdown: string, what: string, matches: (block: CodeBlock) => boolean): string {
  const found = codeBlocks(markdown).filter(matches);
  if (found.length !== 1) throw new Error(`expected one code block with ${what}, found ${found.length}`);
  return found[0]!.code;
}
