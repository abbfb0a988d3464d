import type * as pulumi from "@pulumi/pulumi";
import type { TableApi } from "../client/table-api";
import { applyForm, type FormReport } from "../forms/apply-form";
import type { AliasForm } from "../forms/form-template";
import { foundAlias, readAliasForm } from "../forms/read-alias-form";
import { sessionClient } from "../session";
import { checkInputs } from "./check-inputs";
import { createRecords } from "./create-records";
import { findDrift } from "./find-drift";
import { discoverRecords, readRecords } from "./read-records";
import { reconstructInputs } from "./reconstruct-inputs";
import { secretInputsOf } from "../schema/describe-kind";
import type { AdoptedDeleteBehavior, PlannedRecord } from "./record-plan";
import { retireRecord, type FoundRecords } from "./record-operations";
import { inputDefaultsOf, inputNamesOf, planOf, type PlanContext, type ResourceKind } from "./resource-kind";
import { isGone, sysIdsOf, type RecordsState } from "./resource-state";
import { bookkeepingKey, decodeRecords, encodeBookkeeping, generatedInputs } from "./state-codec";
import { updateRecords } from "./update-records";
import { warnUser } from "./warn-user";
import { isUnknown, sameValue, secretPlaceholder } from "./values";

type Props = Record<string, unknown>;

/** Inputs as the schema parsed them (absent when they do not parse) and the plan made from them. */
interface Planned<Inputs> {
  readonly parsed?: Inputs;
  readonly plan: PlannedRecord[];
}

/** Inputs the resource class adds for the provider (not shown, not compared): see ServiceNowResource. */
export const kindKey = "__kind";
export const ownerKey = "__owner";
/**
 * What a refresh found changed on the instance that no input shows, e.g.
 * `["connection.active", "scope:allapis (record missing)"]`. Refresh sets it (inputs and
 * outputs); the program never does, so the next update's diff shows it going away.
 */
export const driftKey = "driftedOnInstance";
/** The alias's Configure form as the last write read it, kept for kinds whose plan reads it (SpokeConnection's `form`). */
export const formKey = "__form";
/** What the last write found of the alias's Configure form: the template, the defaults it wrote, notes. */
export const configureFormOutput = "configureForm";

/** The one lifecycle, for any kind: Pulumi's dynamic provider methods over the kind's plan. */
export function kindProvider<Inputs extends object>(kind: ResourceKind<Inputs>): pulumi.dynamic.ResourceProvider {
  const inputKeys = inputNamesOf(kind);
  const inputDefaults = inputDefaultsOf(kind as ResourceKind<object>);
  /** The context of a plan for what state holds (`props`): the form as the last write kept it. */
  const contextOf = (props?: Props): PlanContext => {
    const form = props?.[formKey] as AliasForm | undefined;
    return { instanceUrl: sessionClient().instanceUrl, ...(form ? { form } : {}) };
  };
  const adoptOf = (inputs: Inputs): boolean => (inputs as { adopt?: boolean }).adopt ?? kind.adoptByDefault ?? false;
  /** Inputs parsed once and planned once: what a provider call works from (no plan when they do not parse). */
  const planned = (inputs: Props, context: PlanContext): Planned<Inputs> => {
    const parsed = kind.schema.safeParse(inputs);
    return parsed.success ? { parsed: parsed.data, plan: planOf(kind, parsed.data, context) } : { plan: [] };
  };
  /**
   * State's inputs, planned. Imported state has no secrets until the program gives them (the
   * instance never returns one): it is planned with a placeholder for each missing secret
   * input, to decode its records and compute outputs only; the placeholder is never written
   * (the plan's secret columns are written from the program's inputs) nor stored.
   */
  const plannedState = (inputs: Props, context: PlanContext): Planned<Inputs> => {
    const plain = planned(inputs, context);
    const missing = secretInputsOf(kind).filter((key) => inputs[key] === undefined);
    if (plain.parsed || missing.length === 0) return plain;
    const filled: Props = { ...inputs };
    for (const key of missing) filled[key] = secretPlaceholder;
    // A secret map (`attributes`, `form`) cannot be filled in: it is left out.
    const issues = kind.schema.safeParse(filled).error?.issues ?? [];
    for (const key of missing) if (issues.some((issue) => issue.path[0] === key)) delete filled[key];
    return planned(filled, context);
  };
  /** What state (`props`) holds: its inputs, planned once in the context state kept, and its records decoded with that plan. */
  const stateOf = (props: Props) => {
    const context = contextOf(props);
    const inputs = pickInputs(props, inputKeys);
    const old = plannedState(inputs, context);
    return { ...old, inputs, context, records: decodeRecords(props, old.plan) };
  };

  /**
   * The plan of a write, made before any write: the alias's Configure form is read from the
   * instance (one request) and applied, which may refuse the inputs; its warnings are shown.
   * `found`: the alias as that request read it, for the plan's alias lookup.
   */
  const writePlanOf = async (api: TableApi, parsed: Inputs): Promise<{ plan: PlannedRecord[]; context: PlanContext; report?: FormReport; found: FoundRecords }> => {
    const use = kind.form?.(parsed);
    const read = use ? await readAliasForm(api, use.aliasId) : undefined;
    const form = read?.form;
    const context: PlanContext = { instanceUrl: api.instanceUrl, ...(form ? { form } : {}) };
    const plan = planOf(kind, parsed, context);
    if (!use || !form) return { plan, context, found: new Map() };
    const applied = applyForm(plan, form, use, api.instanceUrl);
    for (const warning of applied.report.warnings) warnUser(`${kind.name}: ${warning}`);
    return { plan: applied.plan, context, report: applied.report, found: foundAlias(applied.plan, use.aliasId, read.alias) };
  };
  const ownerOf = (props: Props): string | undefined => (typeof props[ownerKey] === "string" ? (props[ownerKey] as string) : undefined);

  /** Outputs: the provider's own keys, the inputs, the kind's outputs, sys_ids and the bookkeeping. */
  const outputsOf = (raw: Props, inputs: Props, current: Planned<Inputs>, records: RecordsState, generated: readonly string[], context: PlanContext, report?: FormReport): Props => {
    // A refresh may hand back what the instance holds, which the schema can refuse (an http
    // URL set in the UI): the kind's outputs then come from the inputs as last written.
    const parsed = current.parsed ?? kind.schema.parse(pickInputs(raw, inputKeys));
    return wireSafe({
      ...internalKeysOf(raw),
      // Inputs win over computed outputs of the same name (OktaConnection's credentialSysId).
      ...kind.outputs?.(parsed, records, context),
      ...formOutputsOf(report, context, inputs),
      ...inputs,
      sysId: records.find((record) => record.step === kind.primaryStep)?.sysId ?? "",
      sysIds: sysIdsOf(records.filter((record) => record.origin !== "instance")),
      [bookkeepingKey]: encodeBookkeeping(records, current.plan, generated),
    });
  };

  /** Per step: the plan's override, else the kind's rule for these inputs, else delete. */
  const deleteBehaviorFor = (state: Planned<Inputs>) => {
    const kindBehavior = state.parsed ? kind.adoptedDeleteBehavior?.(state.parsed) : undefined;
    return (step: string): AdoptedDeleteBehavior =>
      state.plan.find((record) => record.step === step)?.adoptedDelete ?? kindBehavior ?? "delete";
  };

  return {
    async check(_olds, news) {
      const checked = checkInputs(kind as ResourceKind<object>, news);
      return { ...checked, inputs: { ...checked.inputs, ...internalKeysOf(news) } };
    },

    async diff(_id, olds: Props, rawNews: Props) {
      const news = withGenerated(kind, pickInputs(rawNews, inputKeys), olds);
      // An input added by a later release is missing from older state: its default there is no change.
      const changed = inputKeys.filter((key) => !sameValue(olds[key] ?? inputDefaults[key], news[key]));
      const replaces = changed.filter((key) => kind.replaceOnChange.includes(key) && !isUnknown(news[key]));
      if (isUnknown(news)) return { changes: true, replaces, deleteBeforeReplace: replaces.length > 0 };
      const old = stateOf(olds);
      const next = planned(news, old.context);
      const drift = next.parsed ? findDrift(next.plan, old.records) : ["(inputs)"];
      if (changed.length === 0 && drift.length === 0) return { changes: false, replaces, deleteBeforeReplace: false };
      // Pulumi's dynamic-provider host cannot return a detailed diff, but for an "unknown" answer
      // the engine diffs old and new inputs itself, secrets included, and names every changed
      // input (`~ clientSecret: [secret]`). Only safe when every change shows in the inputs.
      const shownInInputs = drift.every((what) => changed.includes(what) || driftListOf(olds).includes(what)) && news[driftKey] === undefined;
      return { changes: shownInInputs ? undefined : true, replaces, deleteBeforeReplace: replaces.length > 0 };
    },

    async create(raw: Props) {
      const api = sessionClient();
      const given = pickInputs(raw, inputKeys);
      const inputs = withGenerated(kind, given, undefined);
      const parsed = kind.schema.parse(inputs);
      const { plan, context, report, found } = await writePlanOf(api, parsed);
      await kind.preflight?.(parsed, api, context);
      const records = await createRecords(api, plan, { adopt: adoptOf(parsed), owner: ownerOf(raw), found });
      const outs = outputsOf(raw, inputs, { parsed, plan }, records, generatedKeys(given, inputs), context, report);
      return { id: outs.sysId as string, outs };
    },

    async read(id, props: Props = {}) {
      const api = sessionClient();
      let old = stateOf(props);
      const known = old.records;
      // `pulumi import` (the plugin): nothing but the id. The inputs come from the instance,
      // secrets left out (it never returns them); they are planned with placeholders only.
      const importing = known.length === 0 && Object.keys(old.inputs).length === 0;
      // The scan's inversion of plans (a layer above this one) is loaded only for an import.
      const imported = importing ? await (require("../scan/import-inputs") as typeof import("../scan/import-inputs")).importedInputs(kind, api, id, old.context) : undefined;
      if (importing && !imported) return { id: "", props: {} };
      if (imported) old = { ...old, inputs: imported.inputs, ...planned(imported.forPlanning, old.context) };
      // Without bookkeeping (`pulumi refresh --import-pending-creates`, an import): find the
      // records from the id and the plan's natural keys.
      const records = known.length > 0 ? await readRecords(api, known) : await discoverRecords(api, old.plan, kind.primaryStep, id, ownerOf(props));
      if (isGone(records)) return { id: "", props: {} };
      const generated = known.length > 0 ? generatedInputs(props) : [];
      const inputs = reconstructInputs(old.inputs, old.plan, records);
      const givenInputs = { ...inputs };
      for (const key of generated) delete givenInputs[key];
      // Drift that no input can show (a derived column, a missing record) is named in one
      // extra input, which the program never sets, so the CLI prints it as one line. It is
      // measured against what the program's inputs plan: a default derived from an input that
      // drifted (SumTotal's token URL from the connection's host) has not drifted itself.
      const current = plannedState(inputs, old.context);
      const unshown = old.parsed ? findDrift(old.plan, records).filter((what) => !inputKeys.includes(what)) : [];
      const driftInput = unshown.length > 0 ? { [driftKey]: unshown } : {};
      return {
        id: records.find((record) => record.step === kind.primaryStep)?.sysId || id,
        props: { ...withoutLegacyRecords(withoutDriftList(props)), ...outputsOf(props, inputs, current, records, generated, old.context), ...driftInput },
        inputs: wireSafe({ ...internalKeysOf(props), ...givenInputs, ...driftInput }),
      };
    },

    async update(_id, olds: Props, rawNews: Props) {
      const api = sessionClient();
      const given = pickInputs(rawNews, inputKeys);
      const news = withGenerated(kind, given, olds);
      const parsed = kind.schema.parse(news);
      const { plan, context, report, found } = await writePlanOf(api, parsed);
      await kind.preflight?.(parsed, api, context);
      const old = stateOf(olds);
      const records = await updateRecords(api, plan, old.records, {
        adopt: adoptOf(parsed),
        found,
        owner: ownerOf(rawNews) ?? ownerOf(olds),
        adoptedDeleteBehavior: deleteBehaviorFor(old),
        secretsToWrite: (record: PlannedRecord, old) =>
          (record.secretFields ?? []).filter((column) => {
            const input = record.inputs?.[column];
            const inputChanged = input === undefined || !sameValue(olds[input], news[input]);
            return inputChanged || (old.secretDrift ?? []).includes(column) || old.fingerprints[column] === undefined;
          }),
      });
      return { outs: outputsOf(rawNews, news, { parsed, plan }, records, generatedKeys(given, news), context, report) };
    },

    async delete(_id, props: Props) {
      const api = sessionClient();
      const old = stateOf(props);
      const behaviorOf = deleteBehaviorFor(old);
      for (const record of [...old.records].reverse()) await retireRecord(api, record, behaviorOf(record.step));
    },
  };
}

/**
 * What a write found of the form (`configureForm`), and the form itself where the plan reads it
 * (inputs with `form`), so that diff, refresh and delete plan as the write did.
 */
function formOutputsOf(report: FormReport | undefined, context: PlanContext, inputs: Props): Props {
  if (!report) return {};
  const { warnings: _shownInTheRun, ...shown } = report;
  return { [configureFormOutput]: shown, ...(inputs.form !== undefined && context.form ? { [formKey]: context.form } : {}) };
}

function pickInputs(props: Props, keys: readonly string[]): Props {
  const picked: Props = {};
  for (const key of keys) if (props[key] !== undefined) picked[key] = props[key];
  return picked;
}

/** `__kind` and `__owner`, carried from inputs to outputs so that read and delete have them. */
function internalKeysOf(props: Props): Props {
  const picked: Props = {};
  for (const key of [kindKey, ownerKey]) if (props[key] !== undefined) picked[key] = props[key];
  return picked;
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

function driftListOf(props: Props): readonly string[] {
  return Array.isArray(props[driftKey]) ? (props[driftKey] as string[]) : [];
}

function withoutDriftList(props: Props): Props {
  const { [driftKey]: _drift, ...rest } = props;
  return rest;
}

/** The first release kept the bookkeeping in a `records` output; it is rewritten as `__servicenow`. */
function withoutLegacyRecords(props: Props): Props {
  const { records: _legacy, ...rest } = props;
  return rest;
}

function generatedKeys(given: Props, completed: Props): string[] {
  return Object.keys(completed).filter((key) => given[key] === undefined && completed[key] !== undefined);
}

/** Pulumi's wire format has no `undefined`; JSON drops it at any depth. */
function wireSafe(value: Props): Props {
  return JSON.parse(JSON.stringify(value)) as Props;
}
