import type * as pulumi from "@pulumi/pulumi";
import { sessionClient } from "../session";
import { checkInputs } from "./check-inputs";
import { createRecords } from "./create-records";
import { findDrift } from "./find-drift";
import { readRecords } from "./read-records";
import { reconstructInputs } from "./reconstruct-inputs";
import type { AdoptedDeleteBehavior, PlannedRecord } from "./record-plan";
import { retireRecord } from "./record-operations";
import type { PlanContext, ResourceKind } from "./resource-kind";
import { isGone, sysIdsOf, type RecordsState } from "./resource-state";
import { updateRecords } from "./update-records";
import { isUnknown, sameValue } from "./values";

type Props = Record<string, unknown>;

/** The one lifecycle, for any kind: Pulumi's dynamic provider methods over the kind's plan. */
export function kindProvider<Inputs extends object>(kind: ResourceKind<Inputs>): pulumi.dynamic.ResourceProvider {
  const inputKeys = inputKeysOf(kind);
  const parse = (props: Props): Inputs => kind.schema.parse(pickInputs(props, inputKeys));
  const contextOf = (): PlanContext => ({ instanceUrl: sessionClient().instanceUrl });
  const adoptOf = (inputs: Inputs): boolean => (inputs as { adopt?: boolean }).adopt ?? kind.adoptByDefault ?? false;
  const outputsOf = (inputs: Props, parsed: Inputs, records: RecordsState): Props =>
    wireSafe({
      // Inputs win over computed outputs of the same name (OktaConnection's credentialSysId).
      ...kind.outputs?.(parsed, records, contextOf()),
      ...inputs,
      sysId: records.find((record) => record.step === kind.primaryStep)?.sysId ?? "",
      sysIds: sysIdsOf(records.filter((record) => record.origin !== "instance")),
      records,
    });

  /** Per step: the plan's override, else the kind's rule for these inputs, else delete. */
  const deleteBehaviorFor = (props: Props) => {
    const parsed = kind.schema.safeParse(pickInputs(props, inputKeys));
    const plan = parsed.success ? kind.plan(parsed.data, contextOf()) : [];
    const kindBehavior = parsed.success ? kind.adoptedDeleteBehavior?.(parsed.data) : undefined;
    return (step: string): AdoptedDeleteBehavior =>
      plan.find((record) => record.step === step)?.adoptedDelete ?? kindBehavior ?? "delete";
  };

  return {
    async check(_olds, news) {
      return checkInputs(kind as ResourceKind<object>, news);
    },

    async diff(_id, olds: Props, rawNews: Props) {
      const news = withGenerated(kind, pickInputs(rawNews, inputKeys), olds);
      const changed = inputKeys.filter((key) => !sameValue(olds[key], news[key]));
      const replaces = changed.filter((key) => kind.replaceOnChange.includes(key) && !isUnknown(news[key]));
      if (isUnknown(news)) return { changes: true, replaces, deleteBeforeReplace: replaces.length > 0 };
      const parsed = kind.schema.safeParse(news);
      const drift = parsed.success ? findDrift(kind.plan(parsed.data, contextOf()), recordsOf(olds)) : ["(inputs)"];
      return { changes: changed.length > 0 || drift.length > 0, replaces, deleteBeforeReplace: replaces.length > 0 };
    },

    async create(rawInputs: Props) {
      const api = sessionClient();
      const inputs = withGenerated(kind, pickInputs(rawInputs, inputKeys), undefined);
      const parsed = kind.schema.parse(inputs);
      await kind.preflight?.(parsed, api);
      const records = await createRecords(api, kind.plan(parsed, contextOf()), adoptOf(parsed));
      const outs = outputsOf(inputs, parsed, records);
      return { id: outs.sysId as string, outs };
    },

    async read(id, props: Props = {}) {
      const api = sessionClient();
      const records = await readRecords(api, recordsOf(props));
      if (isGone(records)) return { id: "", props: {} };
      const oldInputs = pickInputs(props, inputKeys);
      const parsed = parse(props);
      const inputs = reconstructInputs(oldInputs, kind.plan(parsed, contextOf()), records);
      return { id, props: { ...props, ...outputsOf(inputs, parsed, records) }, inputs: wireSafe(inputs) };
    },

    async update(_id, olds: Props, rawNews: Props) {
      const api = sessionClient();
      const news = withGenerated(kind, pickInputs(rawNews, inputKeys), olds);
      const parsed = kind.schema.parse(news);
      await kind.preflight?.(parsed, api);
      const records = await updateRecords(api, kind.plan(parsed, contextOf()), recordsOf(olds), {
        adopt: adoptOf(parsed),
        adoptedDeleteBehavior: deleteBehaviorFor(olds),
        secretsToWrite: (record: PlannedRecord, old) =>
          (record.secretFields ?? []).filter((column) => {
            const input = record.inputs?.[column];
            const inputChanged = input === undefined || !sameValue(olds[input], news[input]);
            return inputChanged || (old.secretDrift ?? []).includes(column) || old.fingerprints[column] === undefined;
          }),
      });
      return { outs: outputsOf(news, parsed, records) };
    },

    async delete(_id, props: Props) {
      const api = sessionClient();
      const behaviorOf = deleteBehaviorFor(props);
      for (const record of [...recordsOf(props)].reverse()) await retireRecord(api, record, behaviorOf(record.step));
    },
  };
}

function inputKeysOf(kind: ResourceKind<object>): string[] {
  const shape = (kind.schema as unknown as { shape?: Record<string, unknown> }).shape;
  if (!shape) throw new Error(`internal: the schema of ${kind.name} must be a z.object`);
  return Object.keys(shape);
}

function pickInputs(props: Props, keys: readonly string[]): Props {
  const picked: Props = {};
  for (const key of keys) if (props[key] !== undefined) picked[key] = props[key];
  return picked;
}

function recordsOf(props: Props): RecordsState {
  return Array.isArray(props.records) ? (props.records as RecordsState) : [];
}

/** Values the kind generates when not given: new on create, then carried over from state. */
function withGenerated(kind: ResourceKind<object>, inputs: Props, olds: Props | undefined): Props {
  const completed = { ...inputs };
  for (const [key, generate] of Object.entries(kind.generated ?? {})) {
    if (completed[key] !== undefined) continue;
    completed[key] = olds ? olds[key] : generate();
  }
  return completed;
}

/** Pulumi's wire format has no `undefined`; JSON drops it at any depth. */
function wireSafe(value: Props): Props {
  return JSON.parse(JSON.stringify(value)) as Props;
}
