import type { TableApi } from "../client/table-api";
import { ownedSysId } from "./owned-sys-id";

/**
 * The values an adopted record had before Pulumi took it over, kept on the instance as well
 * as in state: a private system property named `pulumi.restore.<sys_id of the record>`, whose
 * sys_id is owned by the resource. A `pulumi up` killed after the takeover but before Pulumi
 * saved its state would otherwise lose them, and destroy could not give the spoke's shipped
 * property its value back. The next run finds the restore point and keeps the first values.
 * It costs one GET per adoption, and one POST (and one DELETE when the record is given back)
 * only when the takeover changes a column: an adoption that changes nothing needs no restore
 * point, since the instance still holds the old values (the GET still finds the restore point
 * of an earlier, killed run that did change them).
 */
const table = "sys_properties";

export interface RestorePoint {
  readonly sysId: string;
  readonly previous: Readonly<Record<string, string>>;
}

export async function keepRestorePoint(
  api: TableApi,
  owner: string,
  adopted: { readonly table: string; readonly sysId: string },
  current: Readonly<Record<string, string>>,
): Promise<RestorePoint> {
  const kept = await findRestorePoint(api, owner, adopted);
  if (kept) return kept;
  const sysId = restorePointId(owner, adopted);
  await api.create(table, {
    sys_id: sysId,
    name: `pulumi.restore.${adopted.sysId}`,
    value: JSON.stringify(current),
    type: "string",
    is_private: "true",
    description: `Values of ${adopted.table}/${adopted.sysId} before Pulumi (pulumi-servicenow-spokes) took it over; given back on destroy.`,
  });
  return { sysId, previous: current };
}

/** The restore point this resource kept for the adopted record, if any (one GET). */
export async function findRestorePoint(api: TableApi, owner: string, adopted: { readonly table: string; readonly sysId: string }): Promise<RestorePoint | undefined> {
  const sysId = restorePointId(owner, adopted);
  const found = await api.get(table, sysId, { fields: ["value"] });
  const previous = found ? parseValues(found.value) : undefined;
  return previous ? { sysId, previous } : undefined;
}

function restorePointId(owner: string, adopted: { readonly table: string; readonly sysId: string }): string {
  return ownedSysId(owner, table, { restores: `${adopted.table}/${adopted.sysId}` });
}

export async function dropRestorePoint(api: TableApi, sysId: string): Promise<void> {
  await api.delete(table, sysId);
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
