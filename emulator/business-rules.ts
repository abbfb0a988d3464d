/**
 * The business rules of an instance that the provider's records meet. Each rule says where
 * it comes from; everything else about writes is generic (store.ts).
 */
import { randomBytes } from "node:crypto";
import { newApiKeyToken } from "./api-keys";
import { operationFailed } from "./errors";
import { newSysId, type RuleHooks, type Store, type WriteContext } from "./store";

export const SECOND_DEFAULT_PROFILE = "Only one default profile is allowed per OAuth entity";

export function businessRules(store: Store, instanceUrl: string): RuleHooks {
  const isA = (className: string, table: string): boolean => store.schema.isA(className, table);

  /** A default profile other than `self` for `entity`, if there is one. */
  const otherDefault = (entity: string, self: string | undefined): boolean =>
    entity !== "" && store.findBy("oauth_entity_profile", "oauth_entity", entity).some((p) => p.sysId !== self && p.values.default === "true");

  /** Host and protocol follow the connection URL unless the write sets them itself. */
  const deriveHost = (url: string | undefined, target: Record<string, string>, keepHost: boolean, keepProtocol: boolean): void => {
    if (url === undefined || url === "") return;
    try {
      const u = new URL(url);
      if (!keepHost) target.host = u.host;
      if (!keepProtocol) target.protocol = u.protocol.replace(/:$/, "");
    } catch {
      // Not a URL: the instance keeps what it was given.
    }
  };

  return {
    beforeInsert(className, values) {
      if (isA(className, "oauth_entity")) {
        if (values.redirect_url === "") values.redirect_url = `${instanceUrl}/oauth_redirect.do`;
        // An external client ("client") registered without an id gets one, and a secret.
        if (values.type === "client" && values.client_id === "") {
          values.client_id = newSysId();
          if (values.client_secret === "") values.client_secret = store.secrets.seal(randomBytes(12).toString("base64url"));
        }
      }
      if (isA(className, "oauth_entity_profile") && values.default === "true" && otherDefault(values.oauth_entity, undefined)) {
        throw operationFailed(SECOND_DEFAULT_PROFILE);
      }
      if (isA(className, "http_connection")) deriveHost(values.connection_url, values, values.host !== "", values.protocol !== "");
      // A REST API key gets its token from the instance unless the insert sets one.
      if (isA(className, "api_key") && values.token === "") values.token = store.secrets.seal(newApiKeyToken());
    },

    afterInsert(record, ctx: WriteContext) {
      // Inserting an entity creates its default profile (reference: oauth_entity_profile).
      if (isA(record.className, "oauth_entity")) {
        const v = record.values;
        store.insert("oauth_entity_profile", { name: `${v.name} default_profile`, oauth_entity: record.sysId, grant_type: v.default_grant_type, default: "true" }, ctx);
      }
    },

    beforeUpdate(record, changes) {
      if (isA(record.className, "oauth_entity_profile") && (changes.default !== undefined || changes.oauth_entity !== undefined)) {
        const next = { ...record.values, ...changes };
        if (next.default === "true" && otherDefault(next.oauth_entity, record.sysId)) throw operationFailed(SECOND_DEFAULT_PROFILE);
      }
      if (isA(record.className, "http_connection")) deriveHost(changes.connection_url, changes, changes.host !== undefined, changes.protocol !== undefined);
    },

    afterDelete(record, ctx) {
      // Attribute values hang off the connection by document/document_key, not a reference.
      if (isA(record.className, "sys_connection")) {
        for (const v of store.findBy("sys_variable_value", "document_key", record.sysId)) {
          if (store.get("sys_variable_value", v.sysId) !== undefined) store.delete("sys_variable_value", v.sysId, ctx);
        }
      }
    },
  };
}
