import type * as pulumi from "@pulumi/pulumi";
import type { RunningEmulator } from "../../emulator";
import type { TableApi } from "../../provider/client/table-api";
import type { RecordState } from "../../provider/lifecycle/resource-state";
import { decodeRecords } from "../../provider/lifecycle/state-codec";
import { inputNamesOf, planOf } from "../../provider/lifecycle/resource-kind";
import { kinds, providerFor } from "../../provider/registry";
import { configureSession, sessionClient } from "../../provider/session";

/**
 * Configures the provider as Pulumi would (stack config → configure()) for an emulator,
 * signed in as its admin, and returns the shared client; tests then call provider methods
 * directly, the fastest layer that still runs the real lifecycle and client.
 */
export function connectProvider(emulator: RunningEmulator, user: "admin" | "user" = "admin"): TableApi {
  const account = user === "admin" ? emulator.admin : emulator.user;
  const config: Record<string, string> = {
    "servicenow:instanceUrl": emulator.url,
    "servicenow:username": account.username,
    "servicenow:password": account.password,
    "servicenow:maxRetries": "2",
  };
  configureSession({ get: (key) => config[key] }, {});
  return sessionClient();
}

/** A kind's provider, with every method present (the lifecycle implements all of them). */
export function lifecycle(kind: string): Required<pulumi.dynamic.ResourceProvider> {
  return providerFor(kind) as Required<pulumi.dynamic.ResourceProvider>;
}

/** check, then create, as the engine does: the created resource's id and outputs. */
export async function checkAndCreate(kind: string, inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, any> }> {
  const provider = lifecycle(kind);
  const checked = await provider.check({}, inputs);
  if (checked.failures && checked.failures.length > 0) throw new Error(checked.failures.map((f) => f.reason).join("\n"));
  const created = await provider.create(checked.inputs);
  return { id: created.id, outs: created.outs };
}

/** The records a resource's outputs keep (decoded from the `__servicenow` bookkeeping), as the lifecycle sees them. */
export function stateRecords(kindName: string, outs: Record<string, unknown>): RecordState[] {
  const kind = kinds.find((candidate) => candidate.name === kindName);
  if (!kind) throw new Error(`no kind ${kindName}`);
  const inputs = Object.fromEntries(inputNamesOf(kind).filter((key) => outs[key] !== undefined).map((key) => [key, outs[key]]));
  const parsed = kind.schema.safeParse(inputs);
  const plan = parsed.success ? planOf(kind, parsed.data, { instanceUrl: sessionClient().instanceUrl }) : [];
  return decodeRecords(outs, plan);
}
