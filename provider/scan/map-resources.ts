import type { SnRecord } from "../client/table-api";
import { describeKind } from "../schema/describe-kind";
import { httpConnectionKind } from "../kinds/http-connection";
import { integrationUserKind } from "../kinds/integration-user";
import { oauthExternalClientKind } from "../kinds/oauth-external-client";
import { oauthProviderKind } from "../kinds/oauth-provider";
import { systemPropertyKind } from "../kinds/system-property";
import { tableRecordKind } from "../kinds/table-record";
import type { PlannedRecord } from "../lifecycle/record-plan";
import { hostOf } from "../kinds/url-fields";
import { inputNamesOf, type PlanContext, type ResourceKind } from "../lifecycle/resource-kind";
import { exampleValuesOf } from "../schema/describe-kind";
import { spokePresets } from "../spokes/presets";
import { spokeConnectionKind } from "../spokes/spoke-connection";
import { formResource } from "./form-resource";
import { secretPlaceholder } from "../lifecycle/values";
import { adoptionDifferences, invertPlan, planFor, withoutDefaults, withPlaceholders, type FoundRecords, type SecretInput } from "./invert-plan";
import { type ScannedConnection, type ScannedInstance, type ScannedOAuth, type ScannedUser } from "./read-instance";
import type { ScanPart } from "./scan-part";

/**
 * From what an instance holds to the resources that adopt it: for each connection, the first
 * kind (a spoke's preset, then SpokeConnection, then HttpConnection) whose plan finds exactly
 * the records that are there; then the properties no connection took, and on request OAuth
 * clients and integration users. What no kind covers is said, never dropped.
 */

export interface ScannedSecret extends SecretInput {
  /** What a person recognises it by: the form's field, or the attribute's label. */
  readonly label: string;
}

export interface ScannedResource {
  /** The kind's name, which is also the resource class's (`SumTotalConnection`). */
  readonly kind: string;
  /** The resource's name in the program, the same on every stack. */
  readonly name: string;
  /** Non-secret inputs, as the instance has them (defaults the kind computes left out). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly secrets: readonly ScannedSecret[];
  /** Input → the resource (by name) whose `sysId` it takes. */
  readonly references: Readonly<Record<string, string>>;
  /** What the resource stands for, e.g. `connection "SumTotal" on sn_sumtotal_spoke.SumTotal`. */
  readonly describes: string;
  /** What adoption would change or leave out; rendered as comments and printed. */
  readonly notes: readonly string[];
}

export interface ScanResult {
  readonly resources: readonly ScannedResource[];
  /** Things on the instance no kind covers, not emitted as resources. */
  readonly uncovered: readonly string[];
}

/** One kind in a candidate, with the inputs the instance gives that no column map names. */
type Part = ScanPart;

export function mapInstance(instance: ScannedInstance): ScanResult {
  const context: PlanContext = { instanceUrl: instance.instanceUrl };
  const resources: ScannedResource[] = [];
  const uncovered: string[] = [];
  const takenProperties = new Set<string>();
  const connectionsPerAlias = new Map<string, number>();
  for (const scanned of instance.connections) connectionsPerAlias.set(scanned.alias.sys_id ?? "", (connectionsPerAlias.get(scanned.alias.sys_id ?? "") ?? 0) + 1);

  for (const scanned of instance.connections) {
    const alone = connectionsPerAlias.get(scanned.alias.sys_id ?? "") === 1;
    const base = slug(alone ? (scanned.alias.name ?? "") || aliasSuffix(scanned) : `${scanned.alias.name || aliasSuffix(scanned)} ${scanned.connection.name}`);
    const scopeProperties = alone ? instance.properties.filter((property) => inScope(property, scanned.alias)) : [];
    const found = foundSteps(scanned, scopeProperties);
    const describes = `connection ${JSON.stringify(scanned.connection.name ?? "")} on ${scanned.alias.id}`;
    const chosen = byForm(scanned, found, base, describes, scopeProperties, context) ?? choose(candidatesFor(scanned, base, scopeProperties), found, context, describes);
    if (!chosen) {
      uncovered.push(`${describes}: no kind can adopt it (its values do not pass any kind's checks); left out of the program.`);
      continue;
    }
    resources.push(...chosen.resources);
    for (const property of chosen.takenProperties) takenProperties.add(property);
  }

  for (const property of instance.properties.filter((candidate) => !takenProperties.has(candidate.name ?? ""))) resources.push(propertyResource(property, context));
  for (const other of instance.otherConnections) resources.push(tableRecordResource(other.connection, other.alias));
  for (const client of instance.oauthClients) resources.push(...single(oauthClientPart(client), oauthClientFound(client), context, `OAuth client ${JSON.stringify(client.entity.name ?? "")}`));
  for (const user of instance.users) resources.push(...single(userPart(user), userFound(user), context, `integration user ${JSON.stringify(user.user.user_name ?? "")}`));
  return { resources, uncovered };
}

/** The records of one connection, by the plan step that manages each. */
export function foundSteps(scanned: ScannedConnection, properties: readonly SnRecord[]): Map<string, SnRecord> {
  const found = new Map<string, SnRecord>([
    ["alias", scanned.alias],
    ["connection", scanned.connection],
  ]);
  if (scanned.credential) found.set("credential", scanned.credential.record);
  if (scanned.oauth) addOAuth(found, scanned.oauth);
  for (const attribute of scanned.attributes) {
    found.set(`attribute:${attribute.element}`, attribute.definition);
    found.set(`attribute-value:${attribute.element}`, attribute.value);
  }
  for (const property of properties) found.set(`property:${property.name}`, property);
  return found;
}

function addOAuth(found: Map<string, SnRecord>, oauth: ScannedOAuth): void {
  found.set("entity", oauth.entity);
  if (oauth.profile) found.set("profile", oauth.profile);
  for (const { scope, link } of oauth.scopes) {
    found.set(`scope:${scope.oauth_entity_scope}`, scope);
    if (link) found.set(`profile-scope:${scope.oauth_entity_scope}`, link);
  }
}

const presetAliases = new Set(spokePresets.map((preset) => preset.aliasId));

/** A spoke with no preset whose alias has a Configure form: SpokeConnection with `form`, when it adopts what is there unchanged. */
function byForm(scanned: ScannedConnection, found: FoundRecords, name: string, describes: string, properties: readonly SnRecord[], context: PlanContext): Chosen | undefined {
  if (presetAliases.has(scanned.alias.id ?? "")) return undefined;
  const byItsForm = formResource(scanned, found, { name, describes, properties: plainPropertiesOf(properties) }, context);
  if (!byItsForm || byItsForm.differences.length > 0) return undefined;
  return { resources: [byItsForm.resource], takenProperties: properties.filter((property) => property.type !== "password2").map((property) => property.name ?? "") };
}

function plainPropertiesOf(properties: readonly SnRecord[]): Record<string, string> {
  return Object.fromEntries(properties.filter((property) => property.type !== "password2").map((property) => [property.name ?? "", property.value ?? ""]));
}

/** Kinds that could adopt the connection, most specific first. */
function candidatesFor(scanned: ScannedConnection, base: string, properties: readonly SnRecord[]): Part[][] {
  const aliasId = scanned.alias.id ?? "";
  const credentialTable = scanned.credential?.table;
  const scopes = (scanned.oauth?.scopes ?? []).map(({ scope }) => scope.oauth_entity_scope ?? "");
  const attributes = Object.fromEntries(scanned.attributes.map((attribute) => [attribute.element, secretPlaceholder]));
  const plainProperties = plainPropertiesOf(properties);
  const found = { credentialTable, credentialSysId: scanned.credential?.record.sys_id, scopes, name: base };
  const candidates: Part[][] = spokePresets.filter((preset) => preset.aliasId === aliasId).flatMap((preset) => preset.scanAs(found));
  const credentialType = { api_key_credentials: "api_key", basic_auth_credentials: "basic", oauth_2_0_credentials: "oauth2_client_credentials" }[credentialTable ?? ""];
  if (credentialType !== undefined) {
    const given = { connectionAlias: aliasId, credentialType, ...(credentialType === "oauth2_client_credentials" ? { scopes } : {}), ...(Object.keys(plainProperties).length > 0 ? { properties: plainProperties } : {}) };
    candidates.push([{ kind: spokeConnectionKind, name: base, given, shape: { attributes } }]);
  }
  // The connection alone: its credential (of a type no kind writes) stays as it is, by sys_id.
  const credential = scanned.connection.credential ? { credentialSysId: scanned.connection.credential } : {};
  candidates.push([{ kind: httpConnectionKind, name: base, given: { connectionAlias: aliasId, ...credential }, shape: { attributes } }]);
  return candidates;
}

interface Chosen {
  readonly resources: ScannedResource[];
  readonly takenProperties: readonly string[];
}

/** The first candidate that adopts exactly what is there; else the one that differs least, with its differences as notes. */
function choose(candidates: readonly Part[][], found: FoundRecords, context: PlanContext, describes: string): Chosen | undefined {
  let best: { chosen: Chosen; differences: number } | undefined;
  for (const parts of candidates) {
    const attempt = tryCandidate(parts, found, context, describes);
    if (!attempt) continue;
    if (attempt.differences.length === 0) return attempt.chosen;
    if (!best || attempt.differences.length < best.differences) best = { chosen: attempt.chosen, differences: attempt.differences.length };
  }
  return best?.chosen;
}

function tryCandidate(parts: readonly Part[], found: FoundRecords, context: PlanContext, describes: string): { chosen: Chosen; differences: string[] } | undefined {
  const built: { part: Part; raw: Record<string, unknown>; secrets: readonly SecretInput[]; plan: PlannedRecord[] }[] = [];
  for (const part of parts) {
    const samplePlan = planFor(part.kind, sampleInputs(part), context);
    if (!("plan" in samplePlan)) throw new Error(`internal: the sample inputs of ${part.kind.name} do not pass its schema: ${samplePlan.problems.join("; ")}`);
    const sample = part.kind.schema.parse(sampleInputs(part)) as Record<string, unknown>;
    const inverted = invertPlan(samplePlan.plan, sample, found);
    const attempt = withCustomDomainIfNeeded(part.kind, withPlaceholders({ ...inverted.values, ...part.given }, inverted.secrets), context);
    if (!attempt) return undefined;
    built.push({ part, raw: attempt.raw, secrets: inverted.secrets, plan: attempt.plan });
  }
  const plan = built.flatMap((entry) => entry.plan);
  const differences = adoptionDifferences(plan, found, (step) => !step.startsWith("property:"));
  const notes = differences.map((difference) => `adopt ${difference}`);
  const resources = built.map(({ part, raw, secrets, plan: partPlan }, index): ScannedResource => {
    const keep = [...secrets.map((secret) => secret.input), ...Object.keys(part.references ?? {})];
    const values = inSchemaOrder(part.kind, withoutDefaults(part.kind, raw, keep, context));
    for (const name of keep) delete values[name];
    return {
      kind: part.kind.name,
      name: part.name,
      values,
      secrets: secrets.map((secret) => ({ ...secret, label: labelOf(secret, found, partPlan) })),
      references: part.references ?? {},
      describes: index === built.length - 1 ? describes : `${part.kind.name} of ${describes}`,
      notes: index === built.length - 1 ? notes : [],
    };
  });
  const takenProperties = plan.filter((record) => record.step.startsWith("property:") && found.has(record.step)).map((record) => record.step.slice("property:".length));
  return { chosen: { resources, takenProperties }, differences };
}

/**
 * The kind's plan for these inputs; for a preset whose URLs are on a host of the customer's own
 * (an Okta custom domain, say), the plan with that host named in `customDomain`, the input the
 * presets' host checks ask for. Undefined when no host makes the inputs pass.
 */
function withCustomDomainIfNeeded(kind: ResourceKind<any>, raw: Record<string, unknown>, context: PlanContext): { raw: Record<string, unknown>; plan: PlannedRecord[] } | undefined {
  const planned = planFor(kind, raw, context);
  if ("plan" in planned) return { raw, plan: planned.plan };
  if (!inputNamesOf(kind).includes("customDomain")) return undefined;
  const hosts = new Set(Object.values(raw).map(hostOf).filter((host): host is string => host !== undefined));
  for (const customDomain of hosts) {
    const withDomain = { ...raw, customDomain };
    const retried = planFor(kind, withDomain, context);
    if ("plan" in retried) return { raw: withDomain, plan: retried.plan };
  }
  return undefined;
}

/** Inputs whose plan has every step the kind can make: the kind's declared examples, then what the instance gives. */
function sampleInputs(part: Part): Record<string, unknown> {
  return { ...everyColumnSample(part.kind), ...exampleValuesOf(part.kind, secretPlaceholder), ...part.given, ...part.shape };
}

/**
 * A value for each input with a declared column and no example (a property's `description`),
 * so that the sample plan writes that column and the inversion reads it back; one the schema
 * refuses is left out.
 */
function everyColumnSample(kind: ResourceKind<any>): Record<string, unknown> {
  const sample: Record<string, unknown> = {};
  for (const input of describeKind(kind).inputs) {
    if (input.column === undefined || input.example !== undefined || input.secret) continue;
    const value = { string: "sample", boolean: false, integer: 1, number: 1 }[String(input.schema.type)];
    if (value !== undefined && kind.schema.safeParse({ ...exampleValuesOf(kind, secretPlaceholder), [input.name]: value }).error?.issues.some((issue) => issue.path[0] === input.name) !== true) {
      sample[input.name] = value;
    }
  }
  return sample;
}

/** A secret's label: the attribute's label, or the input's words ("oauthClientSecret" → "OAuth client secret"). */
function labelOf(secret: SecretInput, found: FoundRecords, plan: readonly PlannedRecord[]): string {
  if (secret.key !== undefined) {
    const definition = found.get(`attribute:${secret.key}`);
    return definition?.label || secret.key;
  }
  const attributeStep = plan.find((record) => record.step.startsWith("attribute-value:") && Object.values(record.inputs ?? {}).includes(secret.input));
  const label = attributeStep ? found.get(`attribute:${attributeStep.step.slice("attribute-value:".length)}`)?.label : undefined;
  return label || words(secret.input);
}

function single(part: Part, found: FoundRecords, context: PlanContext, describes: string): ScannedResource[] {
  return choose([[part]], found, context, describes)?.resources ?? [];
}

function propertyResource(property: SnRecord, context: PlanContext): ScannedResource {
  const found = new Map([["property", property]]);
  const secret = property.type === "password2";
  const given = { name: property.name, ...(secret ? { type: "password2" } : { value: property.value ?? "" }) };
  const part: Part = { kind: systemPropertyKind, name: slug(property.name ?? ""), given, ...(secret ? { shape: { value: secretPlaceholder } } : {}) };
  return single(part, found, context, `property ${property.name}`)[0]!;
}

function oauthClientPart(client: ScannedOAuth): Part {
  const entity = client.entity;
  return {
    kind: oauthExternalClientKind,
    name: `client-${slug(entity.name ?? "")}`,
    given: { accessTokenLifespan: Number(entity.access_token_lifespan || "1800"), refreshTokenLifespan: Number(entity.refresh_token_lifespan || "8640000") },
  };
}

/** A third party's OAuth provider: its grant type and scopes are facts of the entity, not column copies of inputs. */
function oauthProviderPart(provider: ScannedOAuth): Part {
  const entity = provider.entity;
  const lifespans = Object.fromEntries(
    Object.entries({ accessTokenLifespan: entity.access_token_lifespan, refreshTokenLifespan: entity.refresh_token_lifespan }).filter(([, value]) => value !== undefined && value !== "").map(([key, value]) => [key, Number(value)]),
  );
  return {
    kind: oauthProviderKind,
    name: slug(entity.name ?? ""),
    given: { ...(entity.default_grant_type ? { grantType: entity.default_grant_type } : {}), scopes: provider.scopes.map(({ scope }) => scope.oauth_entity_scope ?? ""), ...lifespans },
  };
}

function oauthClientFound(client: ScannedOAuth): FoundRecords {
  const found = new Map<string, SnRecord>();
  addOAuth(found, client);
  return found;
}

function userPart(scanned: ScannedUser): Part {
  const user = scanned.user;
  const optional = Object.fromEntries(
    Object.entries({ firstName: user.first_name, lastName: user.last_name, email: user.email }).filter(([, value]) => value !== undefined && value !== ""),
  );
  return { kind: integrationUserKind, name: `user-${slug(user.user_name ?? "")}`, given: { ...optional, roles: scanned.roles.map(({ role }) => role.name ?? "") } };
}

function userFound(scanned: ScannedUser): FoundRecords {
  const found = new Map<string, SnRecord>([["user", scanned.user]]);
  for (const { role, link } of scanned.roles) {
    found.set(`role:${role.name}`, role);
    found.set(`has-role:${role.name}`, link);
  }
  return found;
}

/** A connection of a type no kind writes: a TableRecord of its plain columns, by alias and name. */
function tableRecordResource(connection: SnRecord, alias: SnRecord | undefined): ScannedResource {
  const fields = Object.fromEntries(Object.entries(connection).filter(([column, value]) => !column.startsWith("sys_") && value !== ""));
  const table = connection.sys_class_name ?? "sys_connection";
  return {
    kind: tableRecordKind.name,
    name: slug(`${table} ${connection.name ?? connection.sys_id}`),
    values: { table, key: ["connection_alias", "name"].filter((column) => column in fields), fields },
    secrets: [],
    references: {},
    describes: `${table} ${JSON.stringify(connection.name ?? "")}${alias ? ` on ${alias.id}` : ""}`,
    notes: [`no kind covers ${table}: written as a TableRecord of its plain columns (secret columns, if any, are not managed)`],
  };
}

/** What `pulumi import` found for one resource: the records of its primary one, by what they are. */
export type ImportTarget =
  | { readonly what: "connection"; readonly scanned: ScannedConnection; readonly properties: readonly SnRecord[] }
  | { readonly what: "property"; readonly property: SnRecord }
  | { readonly what: "oauthClient"; readonly client: ScannedOAuth }
  | { readonly what: "user"; readonly user: ScannedUser };

/**
 * The inputs of one resource of `kindName` for `pulumi import`, by the same candidates and
 * plan inversion as the scan, restricted to that kind: a connection is mapped by the
 * candidates that contain the kind (the least different first), and an input that takes
 * another part's sys_id (OktaConnection's `credentialSysId`) gets the sys_id found. Undefined
 * when the kind cannot describe what was found.
 */
export function resourceForImport(kindName: string, target: ImportTarget, context: PlanContext): ScannedResource | undefined {
  const pick = (candidates: readonly Part[][], found: FoundRecords): ScannedResource | undefined => {
    let best: { resource: ScannedResource; differences: number } | undefined;
    for (const parts of candidates.filter((candidate) => candidate.some((part) => part.kind.name === kindName))) {
      const attempt = tryCandidate(parts, found, context, kindName);
      const index = parts.findIndex((part) => part.kind.name === kindName);
      const resource = attempt?.chosen.resources[index];
      if (!attempt || !resource) continue;
      const given = parts[index]!.given ?? {};
      const referenced = Object.fromEntries(Object.keys(resource.references).map((input) => [input, given[input]]));
      const withReferences = { ...resource, values: { ...resource.values, ...referenced } };
      if (!best || attempt.differences.length < best.differences) best = { resource: withReferences, differences: attempt.differences.length };
      if (attempt.differences.length === 0) break;
    }
    return best?.resource;
  };
  switch (target.what) {
    case "connection":
      return pick(candidatesFor(target.scanned, kindName, target.properties), foundSteps(target.scanned, target.properties));
    case "property":
      return kindName === systemPropertyKind.name ? propertyResource(target.property, context) : undefined;
    case "oauthClient":
      return pick([[kindName === oauthProviderKind.name ? oauthProviderPart(target.client) : oauthClientPart(target.client)]], oauthClientFound(target.client));
    case "user":
      return pick([[userPart(target.user)]], userFound(target.user));
  }
}

/** The inputs a kind's own record gives back through its plan, for kinds the scan does not map: the primary record alone. */
export function primaryRecordInputs(kind: ResourceKind<any>, record: SnRecord, context: PlanContext): { values: Record<string, unknown>; secrets: readonly SecretInput[] } | undefined {
  const samplePlan = planFor(kind, importSample(kind), context);
  if (!("plan" in samplePlan)) return undefined;
  const sample = kind.schema.parse(importSample(kind)) as Record<string, unknown>;
  return invertPlan(samplePlan.plan, sample, new Map([[kind.primaryStep, record]]));
}

/** The table of a kind's primary record, from the plan of its examples. */
export function primaryTableOf(kind: ResourceKind<any>, context: PlanContext): string | undefined {
  const samplePlan = planFor(kind, importSample(kind), context);
  return "plan" in samplePlan ? samplePlan.plan.find((record) => record.step === kind.primaryStep)?.table : undefined;
}

/** The kind's examples as inputs, where an example is another resource's sys_id (`credential.sysId`) a sys_id of zeros. */
function importSample(kind: ResourceKind<any>): Record<string, unknown> {
  const sample = sampleInputs({ kind, name: kind.name });
  for (const input of describeKind(kind).inputs) {
    const code = (input.example as { code?: unknown } | undefined)?.code;
    if (sample[input.name] === undefined && typeof code === "string" && /\.\w*[sS]ysId$/.test(code)) sample[input.name] = "0".repeat(32);
  }
  // An example that is code of another shape (`{ x_api_token: config.requireSecret(...) }`) is left out.
  for (const issue of kind.schema.safeParse(sample).error?.issues ?? []) delete sample[String(issue.path[0] ?? "")];
  return sample;
}

function inScope(property: SnRecord, alias: SnRecord): boolean {
  return (property.name ?? "").startsWith(`${(alias.id ?? "").split(".")[0]}.`);
}

function aliasSuffix(scanned: ScannedConnection): string {
  return (scanned.alias.id ?? "").split(".").pop() ?? "connection";
}

/** `SumTotal` → `sumtotal`, `x_acme.level` → `x-acme-level`. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "resource";
}

/** `oauthClientSecret` → `OAuth client secret`, `apiKey` → `API key`. */
function words(input: string): string {
  const spaced = input.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.replace(/^oauth\b/, "OAuth").replace(/^api\b/, "API").replace(/^./, (first) => first.toUpperCase());
}

/** The inputs in the order the kind declares them (the form's order), not the plan's. */
function inSchemaOrder(kind: ResourceKind<any>, values: Record<string, unknown>): Record<string, unknown> {
  const shape = inputNamesOf(kind);
  const rank = (name: string): number => (shape.includes(name) ? shape.indexOf(name) : shape.length);
  return Object.fromEntries(Object.entries(values).sort(([a], [b]) => rank(a) - rank(b)));
}

