import type { TableApi } from "../../provider/client/table-api";

/** What kind of value a column holds, for comparing an instance's answers with the emulator's. */
export function formatOf(value: string): string {
  if (value === "") return "empty";
  if (value === "true" || value === "false") return "boolean";
  if (/^-?\d+$/.test(value)) return "integer";
  if (/^[0-9a-f]{32}$/.test(value)) return "sys_id";
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return "date-time";
  if (/^https?:\/\//.test(value)) return "url";
  return "text";
}

/** Per table: each column the records of a run have, with the formats of its values. */
export type TableFormats = Record<string, Record<string, string[]>>;

export async function formatsOf(api: TableApi, records: readonly { table: string; sysId: string }[]): Promise<TableFormats> {
  const formats: TableFormats = {};
  for (const { table, sysId } of records) {
    const record = await api.get(table, sysId);
    if (!record) continue;
    const columns = (formats[table] ??= {});
    for (const [column, value] of Object.entries(record)) {
      if (column.startsWith("sys_")) continue;
      const kinds = (columns[column] ??= []);
      if (!kinds.includes(formatOf(value))) kinds.push(formatOf(value));
    }
  }
  return formats;
}

/** Differences between the instance's columns and formats and the emulator's, per table. */
export function compareFormats(instance: TableFormats, emulator: TableFormats): string[] {
  const lines: string[] = [];
  for (const table of [...new Set([...Object.keys(instance), ...Object.keys(emulator)])].sort()) {
    const a = instance[table] ?? {};
    const b = emulator[table] ?? {};
    const onlyInstance = Object.keys(a).filter((column) => !(column in b));
    const onlyEmulator = Object.keys(b).filter((column) => !(column in a));
    const differ = Object.keys(a).filter((column) => column in b && a[column]!.sort().join() !== b[column]!.sort().join());
    if (onlyInstance.length) lines.push(`${table}: columns the instance returns and the emulator does not: ${onlyInstance.join(", ")}`);
    if (onlyEmulator.length) lines.push(`${table}: columns the emulator returns and the instance does not: ${onlyEmulator.join(", ")}`);
    for (const column of differ) lines.push(`${table}.${column}: instance ${a[column]!.join("/")}, emulator ${b[column]!.join("/")}`);
  }
  return lines;
}
