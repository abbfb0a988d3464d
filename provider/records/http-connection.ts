import { flag, defined } from "../kinds/fields";
import { ref, type FieldValue, type PlannedRecord } from "../lifecycle/record-plan";

export interface ConnectionSpec {
  readonly name: string;
  readonly connectionUrl: string;
  /** The credential record's step, when the plan makes it, or a given credential sys_id. */
  readonly credential?: FieldValue;
  readonly active: boolean;
  readonly useMid?: boolean;
  readonly midServer?: string;
  readonly timeoutMs?: number;
  readonly retries?: number;
}

/**
 * An `http_connection` on the alias planned as step "alias". The natural key is alias + name:
 * a spoke's actions pick the connection through the alias.
 */
export function httpConnection(spec: ConnectionSpec): PlannedRecord {
  return {
    step: "connection",
    table: "http_connection",
    key: { connection_alias: ref("alias"), name: spec.name },
    fields: {
      connection_url: spec.connectionUrl,
      active: flag(spec.active),
      ...(spec.credential !== undefined ? { credential: spec.credential } : {}),
      ...defined({
        use_mid: spec.useMid === undefined ? undefined : flag(spec.useMid),
        mid_server: spec.midServer,
        connection_timeout: spec.timeoutMs?.toString(),
        connection_retries: spec.retries?.toString(),
      }),
    },
  };
}
