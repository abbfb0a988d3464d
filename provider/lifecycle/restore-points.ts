import type { TableApi } from "../client/table-api";
import { eq } from "../client/encoded-query";
import { ownedSysId } from "./owned-sys-id";

/**
 * The values an adopted record had before Pulumi took it over, kept on the instance as well
 * as in state: a private system property named `pulumi.restore.<sys_id of the record>`. A
 * `pulumi up` killed after the takeover but before Pulumi saved its state would otherwise lose
 * them, and destroy could not give the spoke's shipped property its value back. The next run
 * finds the restore point and keeps the first values.
 * It costs one GET per adoption, and one POST (and one DELETE when the record is given back)
 * only when the takeover changes a column: an adoption that changes nothing needs no restore
 * point, since the instance still holds the old values (the GET still finds the restore point
 * of an earlier, killed run that did change them).
 *
 * The POST asks for an owned sys_id, but an instance may give the record another one (issue
 * 18): so a restore point is found by its name, state keeps the sys_id the instance answered
 * with, and delete falls back to the name when that sys_id is gone.
 */
const table = "sys_properties";

export interface RestorePoint {
  readonly sysId: string;
  readonly previous: Readonly<Record<string, string>>;
}

interface Adopted {
  readonly table: string;
  readonly sysId: string;
}

/** The size of sys_properties.value in ServiceNow's definition: a longer value is cut on insert. */
const valueSize = 4000;

/**
 * The restore point of an earlier run, else a new one. None when the values do not fit in a
 * property value (a cut one could not be read back): then only state keeps them.
 */
export async function keepRestorePoint(api: TableApi, owner: string, adopted: Adopted, current: Readonly<Record<string, string>>): Promise<RestorePoint | undefined> {
  const kept = await findRestorePoint(api, adopted);
  if (kept) return kept;
  const value = JSON.stringify(current);
  if (value.length > valueSize) return undefined;
  const asked = ownedSysId(owner, table, { restores: `${adopted.table}/${adopted.sysId}` });
  const created = await api.create(table, {
    sys_id: asked,
    name: nameOf(adopted),
    value,
    type: "string",
    is_private: "true",
    description: `Values of ${adopted.table}/${adopted.sysId} before Pulumi (pulumi-servicenow-spokes) took it over; given back on destroy.`,
  });
  return { sysId: created.sys_id ?? asked, previous: current };
}

/** The restore point kept for the adopted record, if any (one GET, by name). */
export async function findRestorePoint(api: TableApi, adopted: Adopted): Promise<RestorePoint | undefined> {
  const found = await findByName(api, adopted);
  const previous = found ? parseValues(found.value) : undefined;
  return found?.sys_id && previous ? { sysId: found.sys_id, previous } : undefined;
}

/**
 * Deletes the restore point by the sys_id state holds (one DELETE); when that one is already
 * gone (state written by a release that recorded the sys_id it asked for, not the one the
 * instance gave), the restore point of the adopted record is looked up by name and deleted.
 */
export async function dropRestorePoint(api: TableApi, sysId: string, adopted: Adopted): Promise<void> {
  if ((await api.delete(table, sysId)) === "deleted") return;
  const found = await findByName(api, adopted);
  if (found?.sys_id) await api.delete(table, found.sys_id);
}

function nameOf(adopted: Adopted): string {
  return `pulumi.restore.${adopted.sysId}`;
}

async function findByName(api: TableApi, adopted: Adopted): Promise<Readonly<Record<string, string>> | undefined> {
  const name = nameOf(adopted);
  // Exact match only: an instance may compare names without regard to case.
  return (await api.list(table, eq("name", name), { fields: ["name", "value"] })).find((record) => record.name === name);
}

function parseValues(text: string | undefined): Record<string, string> | undefined {
  try {
    const parsed: unknown = JSON.parse(text ?? "");
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
    return Object.values(parsed).every((value) => typeof value === "string") ? (parsed as Record<string, string>) : undefined;
  } catch {
    return undefined;
  }
}
