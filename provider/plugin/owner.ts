import { createHash } from "node:crypto";

/**
 * The owner of a plugin resource's records (see ../lifecycle/owned-sys-id.ts): a hash of its
 * URN, which names project, stack, parent types, type and name. Two stacks or two resources
 * never share one. The lifecycle reads it from the `__owner` key that create and update are
 * handed here and keep in the outputs; the program never sees it (the CLI hides `__` keys).
 */
export function ownerOfUrn(urn: string): string {
  return createHash("sha256").update(urn).digest("hex").slice(0, 24);
}
