import { createHash } from "node:crypto";

/**
 * The sys_id a resource gives a record it creates: a hash of the resource's owner (project,
 * stack, parent, kind and name, set by the resource class) and the record's table and natural
 * key. The instance accepts a client-chosen sys_id on insert, so a record that an interrupted
 * `pulumi up` of this very resource created is recognised by its sys_id on the next run and
 * taken over, while a record made by hand (random sys_id) or by another stack (another owner)
 * still needs `adopt: true`. Deterministic and 32 lowercase hex characters, like any sys_id.
 */
export function ownedSysId(owner: string, table: string, key: Readonly<Record<string, string>>): string {
  const sortedKey = Object.keys(key)
    .sort()
    .map((column) => [column, key[column]]);
  return createHash("sha256").update(JSON.stringify([owner, table, sortedKey])).digest("hex").slice(0, 32);
}
