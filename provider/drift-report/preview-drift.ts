/**
 * What `pulumi preview --refresh --json` says drifted, as rows a person reads: per resource
 * and field, what the instance has now and what the program says. The refreshed inputs are
 * what the instance has (the provider hands them back on refresh); the new inputs are the
 * program's. Secrets are `[secret]` on both sides in the JSON, so a secret row says only
 * "changed"; the engine's `diffReasons` name it.
 */
export interface DriftRow {
  readonly stack: string;
  readonly resource: string;
  readonly field: string;
  readonly instance: string;
  readonly program: string;
}

interface PreviewStep {
  readonly op: string;
  readonly urn: string;
  readonly diffReasons?: readonly string[];
  readonly oldState?: { readonly inputs?: Record<string, unknown> };
  readonly newState?: { readonly inputs?: Record<string, unknown> };
}

const changeOps = new Set(["update", "replace", "create-replacement", "delete-replaced", "create", "delete"]);

export function driftRows(previewJson: string): DriftRow[] {
  const steps = (JSON.parse(previewJson) as { steps?: PreviewStep[] }).steps ?? [];
  const refreshed = new Set(steps.filter((step) => step.op === "refresh").map((step) => step.urn));
  const rows: DriftRow[] = [];
  for (const step of steps) {
    if (!changeOps.has(step.op) || step.urn.includes("::pulumi:pulumi:Stack::")) continue;
    const where = { stack: stackOf(step.urn), resource: resourceOf(step.urn) };
    if (step.op === "create") {
      const wasThere = refreshed.has(step.urn);
      rows.push({ ...where, field: "(resource)", instance: wasThere ? "deleted" : "absent", program: wasThere ? "exists" : "new in the program" });
      continue;
    }
    if (step.op === "delete") {
      rows.push({ ...where, field: "(resource)", instance: "exists", program: "removed from the program" });
      continue;
    }
    const olds = step.oldState?.inputs ?? {};
    const news = step.newState?.inputs ?? {};
    const fields = new Set([...(step.diffReasons ?? []), ...Object.keys({ ...olds, ...news }).filter((key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]))]);
    for (const field of [...fields].filter((key) => !key.startsWith("__")).sort()) {
      if (field === "driftedOnInstance") {
        for (const what of (olds[field] as string[] | undefined) ?? []) rows.push({ ...where, field: what, instance: "differs", program: "as planned" });
        continue;
      }
      const secret = olds[field] === "[secret]" || news[field] === "[secret]";
      rows.push({ ...where, field, instance: secret ? "changed" : show(olds[field]), program: secret ? "(secret)" : show(news[field]) });
    }
  }
  return rows.sort((a, b) => `${a.stack} ${a.resource}`.localeCompare(`${b.stack} ${b.resource}`));
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>`. */
function stackOf(urn: string): string {
  return urn.split("::")[0]!.split(":").pop() ?? "";
}

function resourceOf(urn: string): string {
  const parts = urn.split("::");
  const type = parts[parts.length - 2]!.split("$").pop()!.replace(/^pulumi-nodejs:dynamic\/servicenow:/, "");
  return `${type} ${parts[parts.length - 1]}`;
}

function show(value: unknown): string {
  if (value === undefined) return "(not set)";
  return typeof value === "string" ? value : JSON.stringify(value);
}
