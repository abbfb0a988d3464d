/**
 * The records of one instance, with table inheritance: a record belongs to one class
 * (`sys_class_name`) and is visible through every ancestor table. Writes maintain the sys_
 * fields, apply business rules (hooks) and cascade deletes as the schema says.
 */
import { randomBytes } from "node:crypto";
import { invalidTable, noRecord, operationFailed } from "./errors";
import { defaultValues, normalizeWrite, type WriteSettings } from "./field-values";
import { compileQuery, defaultDialect, type PathResolver, type QueryDialect, type Values } from "./query";
import type { Schema } from "./schema";
import type { SecretBox } from "./secrets";

export interface StoredRecord {
  readonly sysId: string;
  readonly className: string;
  /** Insertion order, which is also the order of unsorted lists. */
  readonly seq: number;
  values: Record<string, string>;
}

export interface WriteContext {
  /** user_name written to sys_created_by / sys_updated_by. */
  readonly user: string;
  /** `sysparm_input_display_value=true`: secrets are kept, references may be display values. */
  readonly inputDisplayValue: boolean;
  /**
   * A REST request's display-value input is read strictly, as an instance reads it: a choice
   * column takes a label, not a stored value (the UI and the emulator's own `insert` accept both).
   */
  readonly strictDisplayValues?: boolean;
}

/** Business rules. `before*` hooks may change the values or throw an `EmulatorApiError`. */
export interface RuleHooks {
  beforeInsert?(className: string, values: Record<string, string>, ctx: WriteContext): void;
  afterInsert?(record: StoredRecord, ctx: WriteContext): void;
  beforeUpdate?(record: StoredRecord, changes: Record<string, string>, ctx: WriteContext): void;
  afterDelete?(record: StoredRecord, ctx: WriteContext): void;
}

const SYS_ID = /^[0-9a-f]{32}$/;
export const newSysId = (): string => randomBytes(16).toString("hex");

/** `YYYY-MM-DD HH:mm:ss` in UTC, the instance's stored date-time format. */
export const glideDateTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace("T", " ");

type Index = Map<string, Set<StoredRecord>>;

export class Store {
  private readonly byId = new Map<string, StoredRecord>();
  private readonly byClass = new Map<string, Map<string, StoredRecord>>();
  /** Built on first use per class and field, then kept up to date by every write. */
  private readonly indexes = new Map<string, Map<string, Index>>();
  private seq = 0;
  hooks: RuleHooks = {};
  /** How queries read `^^` and case (see QueryDialect). */
  queryDialect: QueryDialect = defaultDialect;
  /** REST POSTs get a new sys_id whatever the body asks (EmulatorOptions.ignoreClientSysIds). */
  ignoreClientSysIds = false;
  /** Called after every change (persistence listens). */
  onChange: () => void = () => undefined;

  constructor(
    readonly schema: Schema,
    readonly secrets: SecretBox,
    private readonly now: () => number = Date.now,
  ) {}

  assertTable(table: string): void {
    if (!this.schema.has(table)) throw invalidTable(table);
  }

  get(table: string, sysId: string): StoredRecord | undefined {
    const rec = this.byId.get(sysId);
    return rec !== undefined && this.schema.isA(rec.className, table) ? rec : undefined;
  }

  /** Records of `table` and its child tables matching the query, sorted. */
  query(table: string, query = ""): StoredRecord[] {
    this.assertTable(table);
    const compiled = compileQuery(query, this.resolver(table), this.queryDialect);
    const candidates = compiled.equality ? this.findBy(table, compiled.equality.field, compiled.equality.value) : this.all(table);
    const out = candidates.filter((r) => compiled.matches(r.values));
    compiled.sort(out, (r) => r.values);
    return out;
  }

  /** Records of `table` (and its children) whose `field` equals `value`, in insertion order. */
  findBy(table: string, field: string, value: string): StoredRecord[] {
    // Index sets are in write order, not insertion order: sort.
    return this.schema.family(table).flatMap((c) => [...(this.index(c, field).get(value) ?? [])]).sort((a, b) => a.seq - b.seq);
  }

  all(table: string): StoredRecord[] {
    const parts = this.schema.family(table).map((c) => [...(this.byClass.get(c)?.values() ?? [])]);
    return parts.length === 1 ? parts[0] : parts.flat().sort((a, b) => a.seq - b.seq);
  }

  /** Reads a field path, dot-walking through references, for queries and sysparm_fields. */
  resolver(table: string): PathResolver {
    return (path) => {
      const steps = path.split(".");
      let current = table;
      const refs: string[] = [];
      for (let i = 0; i < steps.length; i++) {
        const def = this.schema.field(current, steps[i]);
        if (def === undefined) return undefined;
        if (i === steps.length - 1) {
          const last = steps[i];
          const get = (v: Values): string => {
            let values: Values | undefined = v;
            for (const r of refs) values = values === undefined ? undefined : this.byId.get(values[r] ?? "")?.values;
            return values?.[last] ?? "";
          };
          return { get, type: def.type, reference: def.reference };
        }
        if (def.reference === undefined) return undefined;
        refs.push(steps[i]);
        current = def.reference;
      }
      return undefined;
    };
  }

  writeSettings(inputDisplayValue: boolean, strictDisplayValues = false): WriteSettings {
    return {
      inputDisplayValue,
      strictDisplayValues,
      seal: (p) => this.secrets.seal(p),
      exists: (t, id) => this.get(t, id) !== undefined,
      findByDisplay: (t, display) => this.findBy(t, this.schema.displayField(t), display)[0]?.sysId,
    };
  }

  insert(table: string, input: Readonly<Record<string, unknown>>, ctx: WriteContext): StoredRecord {
    this.assertTable(table);
    const values = { ...defaultValues(this.schema, table), ...normalizeWrite(this.schema, table, input, this.writeSettings(ctx.inputDisplayValue, ctx.strictDisplayValues)) };
    const wanted = typeof input.sys_id === "string" && SYS_ID.test(input.sys_id) ? input.sys_id : undefined;
    if (wanted !== undefined && this.byId.has(wanted)) throw operationFailed(`Error during insert of ${table} (${wanted})`);
    const sysId = wanted ?? newSysId();
    const stamp = glideDateTime(this.now());
    Object.assign(values, { sys_id: sysId, sys_class_name: table, sys_created_on: stamp, sys_created_by: ctx.user, sys_updated_on: stamp, sys_updated_by: ctx.user, sys_mod_count: "0" });
    this.hooks.beforeInsert?.(table, values, ctx);
    this.assertUnique(table, values, undefined, "insert");
    const rec: StoredRecord = { sysId, className: table, seq: ++this.seq, values };
    this.add(rec);
    this.hooks.afterInsert?.(rec, ctx);
    this.onChange();
    return rec;
  }

  /** A partial update through `table` (only that table's fields are writable through it). */
  update(table: string, sysId: string, input: Readonly<Record<string, unknown>>, ctx: WriteContext): StoredRecord {
    this.assertTable(table);
    const rec = this.get(table, sysId);
    if (rec === undefined) throw noRecord();
    const changes = normalizeWrite(this.schema, table, input, this.writeSettings(ctx.inputDisplayValue, ctx.strictDisplayValues));
    this.hooks.beforeUpdate?.(rec, changes, ctx);
    for (const [k, v] of Object.entries(changes)) if (rec.values[k] === v) delete changes[k];
    // Nothing changed: the instance skips the update (no new sys_updated_on or mod count).
    if (Object.keys(changes).length === 0) return rec;
    const next = { ...rec.values, ...changes };
    this.assertUnique(rec.className, next, rec.sysId, "update");
    next.sys_updated_on = glideDateTime(this.now());
    next.sys_updated_by = ctx.user;
    next.sys_mod_count = String(Number(rec.values.sys_mod_count || "0") + 1);
    this.reindex(rec, next);
    this.onChange();
    return rec;
  }

  delete(table: string, sysId: string, ctx: WriteContext): void {
    this.assertTable(table);
    const rec = this.get(table, sysId);
    if (rec === undefined) throw noRecord();
    this.remove(rec);
    for (const ref of this.schema.referencesTo(rec.className)) {
      for (const other of this.findBy(ref.table, ref.field, rec.sysId)) {
        if (!this.byId.has(other.sysId)) continue;
        if (ref.def.onDelete === "delete") this.delete(other.className, other.sysId, ctx);
        else this.reindex(other, { ...other.values, [ref.field]: "" });
      }
    }
    this.hooks.afterDelete?.(rec, ctx);
    this.onChange();
  }

  /** Loads a record as stored (persistence); no rules, no stamps. */
  load(className: string, values: Record<string, string>): void {
    if (!this.schema.has(className) || !SYS_ID.test(values.sys_id ?? "")) return;
    this.add({ sysId: values.sys_id, className, seq: ++this.seq, values: { ...defaultValues(this.schema, className), ...values, sys_class_name: className } });
  }

  /** Every record, in insertion order (persistence). */
  dump(): StoredRecord[] {
    return [...this.byId.values()];
  }

  private assertUnique(className: string, values: Values, self: string | undefined, op: "insert" | "update"): void {
    const root = this.schema.ancestry(className).at(-1) ?? className;
    for (const [name, def] of this.schema.fields(className)) {
      if (def.unique !== true || values[name] === "") continue;
      if (this.findBy(root, name, values[name]).some((r) => r.sysId !== self)) {
        throw operationFailed(`Error during ${op} of ${className} (${values[name]})`);
      }
    }
  }

  private add(rec: StoredRecord): void {
    this.byId.set(rec.sysId, rec);
    let m = this.byClass.get(rec.className);
    if (m === undefined) this.byClass.set(rec.className, (m = new Map()));
    m.set(rec.sysId, rec);
    for (const [field, index] of this.indexes.get(rec.className) ?? []) addTo(index, rec.values[field] ?? "", rec);
  }

  private remove(rec: StoredRecord): void {
    this.byId.delete(rec.sysId);
    this.byClass.get(rec.className)?.delete(rec.sysId);
    for (const [field, index] of this.indexes.get(rec.className) ?? []) index.get(rec.values[field] ?? "")?.delete(rec);
  }

  private reindex(rec: StoredRecord, next: Record<string, string>): void {
    for (const [field, index] of this.indexes.get(rec.className) ?? []) {
      if (rec.values[field] === next[field]) continue;
      index.get(rec.values[field] ?? "")?.delete(rec);
      addTo(index, next[field] ?? "", rec);
    }
    rec.values = next;
  }

  private index(className: string, field: string): Index {
    let byField = this.indexes.get(className);
    if (byField === undefined) this.indexes.set(className, (byField = new Map()));
    let index = byField.get(field);
    if (index === undefined) {
      index = new Map();
      for (const rec of this.byClass.get(className)?.values() ?? []) addTo(index, rec.values[field] ?? "", rec);
      byField.set(field, index);
    }
    return index;
  }
}

function addTo(index: Index, value: string, rec: StoredRecord): void {
  let set = index.get(value);
  if (set === undefined) index.set(value, (set = new Set()));
  set.add(rec);
}

