import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { closestName } from "./closest-name";
import { exampleCodeOf } from "../schema/describe-kind";
import { inputNamesOf, type ResourceKind } from "./resource-kind";
import { isUnknown, withoutUndefined } from "./values";

/**
 * Pulumi's check: validates inputs with the kind's schema before anything is sent.
 * Failures name the input, say what is wrong and show an accepted value; they never repeat a
 * secret input's value. An input name the kind does not have fails too (a misspelt optional
 * input would otherwise be dropped and its default used), naming the input meant. Inputs not
 * yet known (preview of a value computed by another resource) are left for the run in which
 * they are known.
 */
export function checkInputs(kind: ResourceKind<object>, news: Record<string, unknown>): pulumi.dynamic.CheckResult {
  const raw = withoutInternalKeys(news);
  const misnamed = unknownNames(kind, raw);
  const unknown = Object.keys(raw).filter((key) => isUnknown(raw[key]));
  const parsed = kind.schema.safeParse(unknown.length > 0 ? placeholderFor(raw, unknown) : raw);
  const failures = [
    ...misnamed,
    ...(parsed.error?.issues ?? []).filter((issue) => !unknown.includes(String(issue.path[0] ?? ""))).map((issue) => failureOf(kind, issue)),
  ];
  if (failures.length > 0) return { inputs: news, failures };
  if (unknown.length > 0 || !parsed.success) return { inputs: news };
  return { inputs: withoutUndefined({ ...(parsed.data as Record<string, unknown>) }) };
}

function failureOf(kind: ResourceKind<object>, issue: z.core.$ZodIssue): pulumi.dynamic.CheckFailure {
  const property = issue.path.map(String).join(".") || "(inputs)";
  const top = String(issue.path[0] ?? "");
  const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
  // A record's key (e.g. a property name in `properties`) fails with its own check's message inside.
  const problem = missing ? "is required" : issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  const example = exampleCodeOf(kind, top);
  const hint = example !== undefined ? ` Example: ${top}: ${example}` : "";
  return { property, reason: `\`${property}\` ${problem}.${hint}` };
}

/** Keys the provider machinery adds (`__provider`, `__kind`, `__owner`): never user inputs. */
function withoutInternalKeys(news: Record<string, unknown>): Record<string, unknown> {
  return withoutUndefined(Object.fromEntries(Object.entries(news).filter(([key]) => !key.startsWith("__"))));
}

function unknownNames(kind: ResourceKind<object>, raw: Record<string, unknown>): pulumi.dynamic.CheckFailure[] {
  const names = inputNamesOf(kind);
  return Object.keys(raw)
    .filter((key) => !names.includes(key))
    .map((key) => {
      const meant = closestName(key, names);
      const hint = meant !== undefined ? ` Did you mean \`${meant}\`?` : ` Its inputs are ${names.map((name) => `\`${name}\``).join(", ")}.`;
      return { property: key, reason: `\`${key}\` is not an input of ${kind.name}.${hint}` };
    });
}

/** Unknown values validate as absent, and their failures are dropped above. */
function placeholderFor(raw: Record<string, unknown>, unknown: readonly string[]): Record<string, unknown> {
  const copy = { ...raw };
  for (const key of unknown) delete copy[key];
  return copy;
}
