/**
 * `Pulumi.<stack>.yaml`: each resource's non-secret values under `<project>:<configKey>`, as
 * the program reads them with `config.getObject`. An existing file is merged: the keys the
 * scan writes are replaced, everything else (the encryption salt, `servicenow:*` settings,
 * secrets set before, comments) is kept as it is.
 */

export type ConfigValue = string | number | boolean | readonly ConfigValue[] | { readonly [key: string]: ConfigValue };

/** The `config:` entries, two spaces in, as Pulumi writes them. */
export function renderConfigEntries(entries: ReadonlyMap<string, ConfigValue>): string[] {
  const lines: string[] = [];
  for (const [key, value] of entries) lines.push(...renderEntry(key, value, 2));
  return lines;
}

function renderEntry(key: string, value: ConfigValue, indent: number): string[] {
  const pad = " ".repeat(indent);
  if (isMap(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${pad}${yamlKey(key)}: {}`];
    return [`${pad}${yamlKey(key)}:`, ...entries.flatMap(([inner, innerValue]) => renderEntry(inner, innerValue, indent + 2))];
  }
  return [`${pad}${yamlKey(key)}: ${scalar(value)}`];
}

/** Scalars and lists as JSON, which YAML reads as they are: no value can change type on the way. */
function scalar(value: Exclude<ConfigValue, { readonly [key: string]: ConfigValue }>): string {
  return JSON.stringify(value);
}

function yamlKey(key: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/.test(key) && !/:$/.test(key) ? key : JSON.stringify(key);
}

function isMap(value: ConfigValue): value is { readonly [key: string]: ConfigValue } {
  return typeof value === "object" && !Array.isArray(value);
}

/**
 * The stack file with `entries` set: replaces entries with the same keys, appends the others
 * at the end of `config:` (adding the block when the file has none), keeps every other line.
 */
export function mergeStackFile(existing: string | undefined, entries: ReadonlyMap<string, ConfigValue>, header: readonly string[] = []): string {
  const rendered = renderConfigEntries(entries);
  if (existing === undefined || existing.trim() === "") return `${[...header, "config:", ...rendered].join("\n")}\n`;
  const lines = existing.replace(/\n$/, "").split("\n");
  const start = lines.findIndex((line) => /^config:\s*$/.test(line));
  if (start === -1) return `${[...lines, "config:", ...rendered].join("\n")}\n`;
  let end = start + 1;
  while (end < lines.length && (/^\s/.test(lines[end]!) || lines[end] === "")) end += 1;
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines.slice(start + 1, end)) {
    const key = /^ {2}("?)(\S+?)\1:(?:\s|$)/.exec(line);
    if (key) dropping = entries.has(key[2]!);
    else if (!/^ {3,}/.test(line) && line !== "") dropping = false;
    if (!dropping) kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === "") kept.pop();
  return `${[...lines.slice(0, start + 1), ...kept, ...rendered, ...lines.slice(end)].join("\n")}\n`;
}
