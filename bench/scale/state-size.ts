import { kindAt, type Kind } from "./bench-resources";

/**
 * Bytes of state per resource, by kind: each resource's entry of `pulumi stack export` as
 * compact JSON, and the part the provider decides (inputs and outputs) apart from what the
 * engine adds (URNs, dependencies, timestamps and the SDK's stack trace of the constructor).
 */
export interface StateSize {
  readonly totalBytes: number;
  readonly perKind: Record<Kind, { readonly entry: number; readonly inputsAndOutputs: number }>;
}

export function stateSize(exported: string): StateSize {
  const resources = JSON.parse(exported).deployment.resources as { urn: string; inputs?: unknown; outputs?: unknown }[];
  const perKind = {} as Record<Kind, { entry: number; inputsAndOutputs: number }>;
  for (const kind of ["SystemProperty", "OAuthProvider", "BasicAuthCredential"] as const) {
    const index = Array.from({ length: 40 }, (_, i) => i).find((i) => kindAt(i) === kind)!;
    const entry = resources.find((resource) => resource.urn.endsWith(`::r${index}`));
    if (entry) perKind[kind] = { entry: JSON.stringify(entry).length, inputsAndOutputs: JSON.stringify({ inputs: entry.inputs, outputs: entry.outputs }).length };
  }
  return { totalBytes: Buffer.byteLength(exported), perKind };
}
