import { randomBytes } from "node:crypto";
import { z } from "zod";
import { RequiredRecordMissingError } from "../lifecycle/errors";
import { defineKind } from "../lifecycle/resource-kind";
import { ref, type PlannedRecord } from "../lifecycle/record-plan";
import { adopt, flag, lookupValue, secret, singleLine, sysId } from "./fields";
import { input } from "./input";
import { restApiNames, restApis } from "./rest-apis";

/**
 * RestApiKey: the third sign-in of seeds/003 (a "personal access token"), ServiceNow's
 * token-based authentication for inbound REST (plugin com.glide.tokenbased_auth; ServiceNowDocs
 * platform-security/authentication/configure-api-key.md): an inbound authentication profile of
 * type API key (`x-sn-apikey` in a header or a query parameter), the REST API key of a user,
 * and per API an access policy that accepts the profile. On an instance a policy with profiles
 * accepts only those, so it also accepts a basic-auth and an OAuth profile unless told not to.
 *
 * The token is generated here and written through the secret path, not read back: the Table
 * API returns the token column encrypted (seen in public setup scripts; `npm run test:instance`
 * probes it). Table and column names: docs/resources.md, "RestApiKey".
 */

/** `YYYY-MM-DD HH:mm:ss`, UTC: how the instance stores a date-time, so refresh reads it back unchanged. */
const dateTime = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const expiryOf = (value: string): number => Date.parse(`${value.replace(" ", "T")}Z`);

const otherSignIns = { basic: { label: "basic auth", type: "basic_auth" }, oauth: { label: "OAuth", type: "oauth" } } as const;
/** Where the tool sends the key: the stored `type` of the plugin's `x-sn-apikey` auth parameter. */
const carriers = { header: "auth_header", query: "query_parameter" } as const;

export const restApiKeyKind = defineKind({
  name: "RestApiKey",
  description: "A REST API key for a user (`x-sn-apikey`, token-based authentication), with its profile and access policies.",
  schema: z.object({
    // Policy and profile names add a suffix of up to 20 characters to it.
    name: input(lookupValue(80), { description: "The key's name (at most 80 characters); its profile and policies are named after it.", example: "WorkBoard" }),
    description: input(singleLine(1000).optional(), { description: "The key's description.", column: "key.description" }),
    userSysId: input(sysId, { description: "The user the key signs in as, with that user's roles: typically an `IntegrationUser`'s `sysId`.", column: "key.user", example: { code: "user.sysId" } }),
    active: input(z.boolean({ error: "must be true or false" }).default(true), { description: "Whether the key signs in.", column: "key.active" }),
    expiresAt: input(
      z
        .string({ error: "must be a string" })
        .regex(dateTime, { message: "must be a UTC date and time `YYYY-MM-DD HH:mm:ss`, as the instance stores it", abort: true })
        .refine((value) => !Number.isNaN(expiryOf(value)), { message: "is not a real date", abort: true })
        .refine((value) => expiryOf(value) > Date.now(), { message: "is in the past: a key that has expired cannot sign in; give a later time, or leave it out for a key that does not expire" })
        .optional(),
      { description: "UTC, `YYYY-MM-DD HH:mm:ss`, in the future. Unset: the key does not expire.", column: "key.expires", example: "2027-06-30 00:00:00" },
    ),
    apis: input(
      z
        .array(z.enum(restApiNames, { error: `must be one of ${restApiNames.join(", ")}` }))
        .min(1, { message: "must name at least one API, such as table" })
        .refine((names) => new Set(names).size === names.length, { message: "must not name an API twice" })
        .default(["table"]),
      { description: "The REST APIs the key may call.", example: ["table"] },
    ),
    keyIn: input(z.enum(Object.keys(carriers) as (keyof typeof carriers)[], { error: "must be header or query" }).default("header"), {
      description: "Where the tool sends `x-sn-apikey`: `header`, or `query` (a URL parameter).",
      example: "header",
    }),
    alsoAccept: input(
      z
        .array(z.enum(Object.keys(otherSignIns) as (keyof typeof otherSignIns)[], { error: "must be basic or oauth" }))
        .refine((names) => new Set(names).size === names.length, { message: "must not name a sign-in twice" })
        .default(["basic", "oauth"]),
      { description: "Other sign-ins the access policies keep accepting for these APIs (a policy accepts only the profiles it lists); `[]`: the key only.", example: ["basic", "oauth"] },
    ),
    rotation: input(singleLine(100).optional(), { description: "Any label; changing it replaces the key, so the tool gets a new token (e.g. `2026-12`).", example: "2026-12" }),
    // Optional in the schema because it is generated when absent (see `generated`).
    token: input(secret.refine((value) => value.length >= 32, { message: "must be at least 32 characters (e.g. `openssl rand -hex 24`)" }).optional(), {
      description: "The token (at least 32 characters). Generated when omitted, and then only an output.",
      secret: true,
      column: "key.token",
    }),
    adopt,
  }),
  outputSchema: z.object({
    token: z.string().meta({ description: "The token the tool sends as `x-sn-apikey` (header, or URL parameter with `keyIn: query`).", secret: true }),
  }),
  replaceOnChange: ["name", "userSysId", "rotation"],
  primaryStep: "key",
  notImportable: "its name, APIs and other sign-ins are in the names of records other than the key (profiles, access policies)",
  // A key made by hand keeps its record, with its old public values, when the stack goes.
  adoptedDeleteBehavior: () => "restore",
  generated: {
    token: () => `now_${randomBytes(32).toString("base64url")}`,
  },
  plan: (inputs) => {
    const parameter: PlannedRecord = {
      step: "parameter",
      table: "sys_token_auth_parameter",
      key: { parameter_name: "x-sn-apikey", type: carriers[inputs.keyIn] },
      origin: "instance",
      missingHint: "The API Key and HMAC Authentication plugin (com.glide.tokenbased_auth) is not active: activate it under System Definition > Plugins, then run again.",
    };
    const profile: PlannedRecord = {
      step: "profile",
      table: "http_key_auth",
      key: { name: `${inputs.name} (API key)` },
      fields: { auth_parameter: ref("parameter"), active: "true" },
    };
    const others = inputs.alsoAccept.map(
      (signIn): PlannedRecord => ({
        step: `profile:${signIn}`,
        table: "std_http_auth",
        key: { name: `${inputs.name} (${otherSignIns[signIn].label})` },
        fields: { type: otherSignIns[signIn].type, active: "true" },
      }),
    );
    const key: PlannedRecord = {
      step: "key",
      table: "api_key",
      key: { name: inputs.name },
      fields: { description: inputs.description ?? "", user: inputs.userSysId, active: flag(inputs.active), expires: inputs.expiresAt ?? "", token: inputs.token ?? "" },
      secretFields: ["token"],
    };
    const policies = inputs.apis.flatMap((api): PlannedRecord[] => [
      {
        step: `policy:${api}`,
        table: "sys_api_access_policy",
        key: { name: `${inputs.name} (${restApis[api].label})` },
        fields: {
          active: "true",
          api_path: restApis[api].path,
          apply_all_methods: "true",
          apply_all_resources: "true",
          apply_all_versions: "true",
          ...(api === "table" ? { apply_all_tables: "true" } : {}),
        },
      },
      ...["profile", ...others.map((other) => other.step)].map(
        (profileStep): PlannedRecord => ({
          step: `mapping:${api}:${profileStep}`,
          table: "sys_auth_profile_mapping",
          key: { api_access_policy: ref(`policy:${api}`), inbound_auth_profile: ref(profileStep) },
        }),
      ),
    ]);
    return [parameter, profile, ...others, key, ...policies];
  },
  // Checked before any write: a key for a user who does not exist would sign in as nobody.
  preflight: async (inputs, api) => {
    const user = await api.get("sys_user", inputs.userSysId, { fields: ["sys_id"] });
    if (user === undefined) {
      throw new RequiredRecordMissingError(
        api.instanceUrl,
        "sys_user",
        { sys_id: inputs.userSysId },
        "`userSysId` must be the sys_id of an existing user: pass an IntegrationUser's `sysId`, or copy the user's sys_id from User Administration > Users. Nothing was written.",
      );
    }
  },
});
