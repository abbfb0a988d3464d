import type { ScannedResource, ScanResult } from "./map-resources";

/**
 * One program for every scanned stack: a resource is the same resource on each stack where
 * its kind and name match (a connection is named after its alias, so dev's and prod's
 * SumTotal connection are one resource whose values differ as config). A resource on some
 * stacks only is made where its stack's config has it.
 */

export interface StackScan {
  readonly stack: string;
  readonly result: ScanResult;
}

export interface ProgramResource {
  readonly kind: string;
  readonly name: string;
  /** The key of its values in `Pulumi.<stack>.yaml`, and its variable in the program. */
  readonly configKey: string;
  /** What it is on each stack that has it. */
  readonly stacks: ReadonlyMap<string, ScannedResource>;
}

export function mergeStacks(scans: readonly StackScan[]): ProgramResource[] {
  const merged: { kind: string; name: string; stacks: Map<string, ScannedResource> }[] = [];
  for (const { stack, result } of scans) {
    const renamed = new Map<string, string>();
    for (const resource of result.resources) {
      let name = resource.name;
      // The same name for another kind (Okta by API key on dev, by OAuth on prod): another resource.
      if (merged.some((entry) => entry.name === name && entry.kind !== resource.kind)) name = `${name}-${resource.kind.toLowerCase()}`;
      if (name !== resource.name) renamed.set(resource.name, name);
      const references = Object.fromEntries(Object.entries(resource.references).map(([input, target]) => [input, renamed.get(target) ?? target]));
      const entry = merged.find((candidate) => candidate.name === name && candidate.kind === resource.kind);
      const scanned = { ...resource, name, references };
      if (entry) entry.stacks.set(stack, scanned);
      else merged.push({ kind: resource.kind, name, stacks: new Map([[stack, scanned]]) });
    }
  }
  return merged.map((entry) => ({ ...entry, configKey: camel(entry.name) }));
}

/** The config key of a secret: the resource's key and the form field, e.g. `sumtotalOauthClientSecret`. */
export function secretConfigKey(resource: ProgramResource, secret: { readonly input: string; readonly key?: string }): string {
  return `${resource.configKey}${pascal(secret.key === undefined ? secret.input : camel(secret.key))}`;
}

/** Every secret of the resource on any stack, once each. */
export function secretsOf(resource: ProgramResource): ScannedResource["secrets"] {
  const all = [...resource.stacks.values()].flatMap((scanned) => scanned.secrets);
  return all.filter((secret, index) => all.findIndex((other) => other.input === secret.input && other.key === secret.key) === index);
}

export interface Difference {
  readonly resource: string;
  readonly input: string;
  /** By stack: the value, `(absent)` when the resource or input is not there. */
  readonly values: ReadonlyMap<string, string>;
}

/** What differs between the stacks, input by input (secrets cannot be read, so never compared). */
export function differences(resources: readonly ProgramResource[], stacks: readonly string[]): Difference[] {
  const rows: Difference[] = [];
  for (const resource of resources) {
    const label = `${resource.kind} ${resource.name}`;
    if (stacks.some((stack) => !resource.stacks.has(stack))) {
      rows.push({ resource: label, input: "(resource)", values: new Map(stacks.map((stack) => [stack, resource.stacks.has(stack) ? "present" : "(absent)"])) });
      continue;
    }
    const inputs = [...new Set([...resource.stacks.values()].flatMap((scanned) => Object.keys(scanned.values)))];
    for (const input of inputs) {
      const shown = stacks.map((stack) => show(resource.stacks.get(stack)!.values[input]));
      if (new Set(shown).size > 1) rows.push({ resource: label, input, values: new Map(stacks.map((stack, index) => [stack, shown[index]!])) });
    }
  }
  return rows;
}

export function differencesTable(rows: readonly Difference[], stacks: readonly string[]): string {
  const table = [["resource", "input", ...stacks], ...rows.map((row) => [row.resource, row.input, ...stacks.map((stack) => row.values.get(stack) ?? "")])];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((line) => line[column]!.length)));
  return table.map((line) => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]!))).join("  ")).join("\n");
}

function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** `okta-key` → `oktaKey`, `x_tenant` → `xTenant`; a leading digit gets a `r` in front. */
export function camel(text: string): string {
  const joined = text.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? "").toUpperCase());
  const lowered = joined.charAt(0).toLowerCase() + joined.slice(1);
  return /^[0-9]/.test(lowered) ? `r${lowered}` : lowered || "resource";
}

function pascal(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
