import type { DriftRow } from "./preview-drift";

const headers = ["stack", "resource", "field", "instance now", "program says"] as const;
const cells = (row: DriftRow): string[] => [row.stack, row.resource, row.field, row.instance, row.program];

/** The rows as an aligned text table for a terminal or a CI log. */
export function textTable(rows: readonly DriftRow[]): string {
  const all = [[...headers], ...rows.map(cells)];
  const widths = headers.map((_, column) => Math.min(48, Math.max(...all.map((line) => line[column]!.length))));
  return all.map((line) => line.map((cell, column) => clip(cell, 48).padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

/** The same as a Markdown table, for `$GITHUB_STEP_SUMMARY`. */
export function markdownTable(rows: readonly DriftRow[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  return [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${cells(row).map(escape).join(" | ")} |`)].join("\n");
}

function clip(cell: string, width: number): string {
  return cell.length <= width ? cell : `${cell.slice(0, width - 1)}…`;
}
