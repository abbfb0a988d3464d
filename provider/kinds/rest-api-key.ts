import { randomBytes } from "node:crypto";
import { z } from "zod";
import { RequiredRecordMissingError } from "../lifecycle/errors";
import { defineKind } from "../lifecycle/resource-kind";
import { ref, type PlannedRecord } from "../lifecycle/record-plan";
import { adopt, flag, lookupValue, secret, singleLine, sysId } from "./fields";
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
  schema: z.object({
    // Policy and profile names add a suffix of up to 20 characters to it.
    name: lookupValue(80),
    description: singleLine(1000).optional(),
    userSysId: sysId,
    active: z.boolean({ error: "must be true or false" }).default(true),
    expiresAt: z
      .string({ error: "must be a string" })
      .regex(dateTime, { message: "must be a UTC date and time `YYYY-MM-DD HH:mm:ss`, as the instance stores it", abort: true })
      .refine((value) => !Number.isNaN(expiryOf(value)), { message: "is not a real date", abort: true })
      .refine((value) => expiryOf(value) > Date.now(), { message: "is in the past: a key that has expired cannot sign in; give a later time, or leave it out for a key that does not expire" })
      .optional(),
    apis: z
      .array(z.enum(restApiNames, { error: `must be one of ${restApiNames.join(", ")}` }))
      .min(1, { message: "must name at least one API, such as table" })
      .refine((names) => new Set(names).size === names.length, { message: "must not name an API twice" })
      .default(["table"]),
    keyIn: z.enum(Object.keys(carriers) as (keyof typeof carriers)[], { error: "must be header or query" }).default("header"),
    alsoAccept: z
      .array(z.enum(Object.keys(otherSignIns) as (keyof typeof otherSignIns)[], { error: "must be basic or oauth" }))
      .refine((names) => new Set(names).size === names.length, { message: "must not name a sign-in twice" })
      .default(["basic", "oauth"]),
    rotation: singleLine(100).optional(),
    // Optional in the schema because it is generated when absent (see `generated`).
    token: secret.refine((value) => value.length >= 32, { message: "must be at least 32 characters (e.g. `openssl rand -hex 24`)" }).optional(),
    adopt,
  }),
  examples: {
    name: '"WorkBoard"',
    userSysId: "user.sysId",
    expiresAt: '"2027-06-30 00:00:00"',
    apis: '["table"]',
    keyIn: '"header"',
    alsoAccept: '["basic", "oauth"]',
    rotation: '"2026-12"',
    token: "(omit to generate)",
  },
  secretInputs: ["token"],
  replaceOnChange: ["name", "userSysId", "rotation"],
  primaryStep: "key",
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
      inputs: { description: "description", user: "userSysId", active: "active", expires: "expiresAt", token: "token" },
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
