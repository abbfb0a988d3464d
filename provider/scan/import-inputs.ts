import type { TableApi } from "../client/table-api";
import { integrationUserKind } from "../kinds/integration-user";
import { oauthExternalClientKind } from "../kinds/oauth-external-client";
import { oauthProviderKind } from "../kinds/oauth-provider";
import { systemPropertyKind } from "../kinds/system-property";
import type { PlanContext, ResourceKind } from "../lifecycle/resource-kind";
import { ImportError } from "./import-error";
import { withPlaceholders, type SecretInput } from "./invert-plan";
import { primaryRecordInputs, primaryTableOf, resourceForImport, type ImportTarget } from "./map-resources";
import { readConnection, readOAuth, readProperties, readUser } from "./read-instance";

export interface ImportedInputs {
  /** The inputs the instance gives, with the kind's defaults, secrets left out (the instance never returns them). */
  readonly inputs: Record<string, unknown>;
  /** The secret inputs the program must set; the first `pulumi up` writes them. */
  readonly secrets: readonly SecretInput[];
  /** `inputs` with a placeholder for each secret, for planning only: never stored or sent. */
  readonly forPlanning: Record<string, unknown>;
}

/**
 * `pulumi import <type> <name> <sys_id>`: the inputs of a resource from the sys_id of its
 * primary record alone (a spoke's or connection's: the `http_connection`; a property's, a
 * credential's, an OAuth client's, a user's: its own record), read from the instance and mapped
 * by the scan's plan inversion (./map-resources.ts), so a kind needs no import code of its own.
 * Undefined when there is no such record. Throws, naming the kind and sys_id, when the record is
 * not one this kind can describe.
 */
export async function importedInputs(kind: ResourceKind<any>, api: TableApi, id: string, context: PlanContext): Promise<ImportedInputs | undefined> {
  if (kind.notImportable !== undefined) {
    throw new ImportError(kind.name, id, `${kind.notImportable}. Declare it in the program with \`adopt: true\` instead: the first up takes its records over by their keys`, api.instanceUrl);
  }
  const mapped = await mappedInputs(kind, api, id, context);
  if (mapped === undefined) return undefined;
  const forPlanning = withPlaceholders(mapped.values, mapped.secrets);
  const parsed = kind.schema.safeParse(forPlanning);
  if (!parsed.success || "problem" in mapped) {
    const problems = "problem" in mapped ? [mapped.problem] : parsed.error!.issues.map((issue) => `\`${issue.path.join(".")}\` ${issue.message}`);
    throw new ImportError(kind.name, id, problems.join("; "), api.instanceUrl);
  }
  // The inputs as check would make them (defaults included), so that the first update shows
  // only what the program adds: the secrets.
  const inputs = { ...(parsed.data as Record<string, unknown>) };
  for (const secret of mapped.secrets) delete inputs[secret.input];
  return { inputs: JSON.parse(JSON.stringify(inputs)) as Record<string, unknown>, secrets: mapped.secrets, forPlanning };
}

type Mapped = { values: Record<string, unknown>; secrets: readonly SecretInput[] } | { values: Record<string, unknown>; secrets: readonly SecretInput[]; problem: string };

async function mappedInputs(kind: ResourceKind<any>, api: TableApi, id: string, context: PlanContext): Promise<Mapped | undefined> {
  const table = primaryTableOf(kind, context);
  if (table === undefined) throw new ImportError(kind.name, id, "it is not known which table its primary record is in", api.instanceUrl);
  const record = await api.get(table, id);
  if (!record) return undefined;
  const target = await targetOf(kind, api, table, record);
  if (target) {
    const resource = resourceForImport(kind.name, target, context);
    if (!resource) return { values: {}, secrets: [], problem: `the ${table} record is not one a ${kind.name} describes (try the kind the scan, \`pulumi-servicenow-spokes scan\`, chooses for it)` };
    return { values: { ...resource.values }, secrets: resource.secrets.map(({ input, key }) => (key === undefined ? { input } : { input, key })) };
  }
  const inverted = primaryRecordInputs(kind, record, context);
  if (!inverted) throw new ImportError(kind.name, id, "its plan cannot be made from its examples", api.instanceUrl);
  return inverted;
}

/** What the scan knows how to map, read from the primary record; undefined for kinds it does not map. */
async function targetOf(kind: ResourceKind<any>, api: TableApi, table: string, record: Record<string, string>): Promise<ImportTarget | undefined> {
  if (table === "http_connection") {
    const alias = await api.get("sys_alias", record.connection_alias ?? "");
    if (!alias) throw new ImportError(kind.name, record.sys_id ?? "", "the connection has no connection alias that this instance has", api.instanceUrl);
    // The properties of the spoke's scope that were set (Qualtrics' directory id), as the scan reads them.
    const [scanned, properties] = await Promise.all([readConnection(api, alias, record), readProperties(api, [alias])]);
    return { what: "connection", scanned, properties };
  }
  if (kind === systemPropertyKind) return { what: "property", property: record };
  if (kind === oauthExternalClientKind || kind === oauthProviderKind) return { what: "oauthClient", client: await readOAuth(api, record) };
  if (kind === integrationUserKind) return { what: "user", user: await readUser(api, record) };
  return undefined;
}
