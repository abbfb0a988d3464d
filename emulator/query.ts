/**
 * Encoded queries (`sysparm_query`). `^` is AND, `^OR` ORs a term with the one before it (OR
 * binds tighter than AND), `^NQ` starts another query ORed with the first. Terms that do not
 * parse or name no field of the table are ignored, as on an instance
 * (glide.invalid_query.returns_no_rows is false by default).
 *
 * Two things no documentation settles, so both readings are here (see QueryDialect): whether
 * `^^` is a literal `^` inside a value or two separators, and whether string comparisons
 * ignore case (the reference says case-sensitive; many instances compare without case).
 */
import type { FieldType } from "./schema";

export type Operator = "=" | "!=" | "LIKE" | "NOT LIKE" | "STARTSWITH" | "ENDSWITH" | "ISEMPTY" | "ISNOTEMPTY" | "IN" | "NOT IN";

export interface Term {
  readonly field: string;
  readonly op: Operator;
  readonly value: string;
}

export interface OrderBy {
  readonly field: string;
  readonly desc: boolean;
}

/** OR of AND-groups (from `^NQ`); each AND-group is a list of OR-lists of terms. */
export interface ParsedQuery {
  readonly queries: readonly (readonly (readonly Term[])[])[];
  readonly order: readonly OrderBy[];
}

// Longest first, so that `ISNOTEMPTY` wins over `ISEMPTY`... and `NOT LIKE` over `LIKE`.
const OPERATORS: readonly Operator[] = ["ISNOTEMPTY", "STARTSWITH", "ENDSWITH", "NOT LIKE", "ISEMPTY", "NOT IN", "LIKE", "!=", "IN", "="];
const NO_VALUE: ReadonlySet<Operator> = new Set<Operator>(["ISEMPTY", "ISNOTEMPTY"]);
const FIELD = /^[a-z0-9_.]+/;

type Connector = "AND" | "OR" | "NQ";

/** How this emulator reads what the documentation leaves open. */
export interface QueryDialect {
  /** `^^` separates terms like any `^` (true), or is a literal `^` in a value (false). */
  readonly splitEveryCaret: boolean;
  /** String operators compare without regard to case. */
  readonly ignoreCase: boolean;
}

export const defaultDialect: QueryDialect = { splitEveryCaret: false, ignoreCase: false };

/** Splits on `^` (`^^` as a literal unless the dialect splits every caret), returning each piece with the connector that precedes it. */
export function splitTerms(query: string, dialect: QueryDialect = defaultDialect): { text: string; connector: Connector }[] {
  const out: { text: string; connector: Connector }[] = [];
  let text = "";
  let connector: Connector = "AND";
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (c !== "^") {
      text += c;
      i += 1;
      continue;
    }
    if (query[i + 1] === "^" && !dialect.splitEveryCaret) {
      text += "^";
      i += 2;
      continue;
    }
    out.push({ text, connector });
    text = "";
    if (query.startsWith("OR", i + 1) && !query.startsWith("ORDERBY", i + 1)) {
      connector = "OR";
      i += 3;
    } else if (query.startsWith("NQ", i + 1)) {
      connector = "NQ";
      i += 3;
    } else {
      connector = "AND";
      i += 1;
    }
  }
  out.push({ text, connector });
  return out;
}

/** Parses one term; undefined for anything that is not a term this emulator understands. */
export function parseTerm(text: string): Term | OrderBy | undefined {
  if (text.startsWith("ORDERBYDESC")) return orderTerm(text.slice("ORDERBYDESC".length), true);
  if (text.startsWith("ORDERBY")) return orderTerm(text.slice("ORDERBY".length), false);
  const m = FIELD.exec(text);
  if (m === null) return undefined;
  const field = m[0];
  const rest = text.slice(field.length);
  const op = OPERATORS.find((o) => rest.startsWith(o));
  if (op === undefined) return undefined;
  return { field, op, value: NO_VALUE.has(op) ? "" : rest.slice(op.length) };
}

function orderTerm(field: string, desc: boolean): OrderBy | undefined {
  return /^[a-z0-9_.]+$/.test(field) ? { field, desc } : undefined;
}

const isOrder = (t: Term | OrderBy): t is OrderBy => !("op" in t);

export function parseQuery(query: string, dialect: QueryDialect = defaultDialect): ParsedQuery {
  const queries: Term[][][] = [[]];
  const order: OrderBy[] = [];
  for (const { text, connector } of splitTerms(query, dialect)) {
    if (connector === "NQ" && queries[queries.length - 1].length > 0) queries.push([]);
    const term = text === "" ? undefined : parseTerm(text);
    if (term === undefined) continue;
    if (isOrder(term)) {
      order.push(term);
      continue;
    }
    const groups = queries[queries.length - 1];
    if (connector === "OR" && groups.length > 0) groups[groups.length - 1].push(term);
    else groups.push([term]);
  }
  return { queries: queries.filter((q) => q.length > 0), order };
}

/** How the matcher reads a field path (dot-walking allowed); undefined for an unknown path. */
export type PathResolver = (path: string) => ResolvedPath | undefined;

export interface ResolvedPath {
  get(values: Readonly<Record<string, string>>): string;
  readonly type: FieldType;
  /** Target table when the last step is a reference. */
  readonly reference?: string;
}

export type Values = Readonly<Record<string, string>>;

export interface CompiledQuery {
  matches(values: Values): boolean;
  /** Sorts in place by the ORDERBY terms (stable: ties keep their order). */
  sort<T>(list: T[], values: (item: T) => Values): void;
  /** A top-level `field=value` every match must satisfy, for index look-ups. */
  readonly equality?: { readonly field: string; readonly value: string };
}

function test(op: Operator, actualAsStored: string, valueAsWritten: string, ignoreCase: boolean): boolean {
  const actual = ignoreCase ? actualAsStored.toLowerCase() : actualAsStored;
  const value = ignoreCase ? valueAsWritten.toLowerCase() : valueAsWritten;
  switch (op) {
    case "=":
      return actual === value;
    case "!=":
      return actual !== value;
    case "LIKE":
      return actual.includes(value);
    case "NOT LIKE":
      return !actual.includes(value);
    case "STARTSWITH":
      return actual.startsWith(value);
    case "ENDSWITH":
      return actual.endsWith(value);
    case "ISEMPTY":
      return actual === "";
    case "ISNOTEMPTY":
      return actual !== "";
    case "IN":
      return value.split(",").includes(actual);
    case "NOT IN":
      return !value.split(",").includes(actual);
  }
}

export function compileQuery(query: string, resolve: PathResolver, dialect: QueryDialect = defaultDialect): CompiledQuery {
  const parsed = parseQuery(query, dialect);
  type Check = (v: Values) => boolean;
  const queries: Check[][] = [];
  let equality: { field: string; value: string } | undefined;
  for (const groups of parsed.queries) {
    const ands: Check[] = [];
    for (const group of groups) {
      const ors: Check[] = [];
      for (const t of group) {
        const path = resolve(t.field);
        if (path !== undefined) ors.push((v) => test(t.op, path.get(v), t.value, dialect.ignoreCase));
      }
      if (ors.length === 1) ands.push(ors[0]);
      else if (ors.length > 1) ands.push((v) => ors.some((c) => c(v)));
      // The index compares exactly: without case, every record is a candidate.
      if (!dialect.ignoreCase && parsed.queries.length === 1 && group.length === 1 && ors.length === 1 && group[0].op === "=" && !group[0].field.includes(".")) {
        equality ??= { field: group[0].field, value: group[0].value };
      }
    }
    if (ands.length > 0) queries.push(ands);
  }
  const orders = parsed.order.flatMap((o) => {
    const path = resolve(o.field);
    return path === undefined ? [] : [{ ...path, desc: o.desc }];
  });
  return {
    equality,
    matches: (v) => queries.length === 0 || queries.some((ands) => ands.every((c) => c(v))),
    sort(list, values) {
      if (orders.length === 0 || list.length < 2) return;
      list.sort((a, b) => {
        for (const o of orders) {
          const c = compareValues(o.get(values(a)), o.get(values(b)), o.type);
          if (c !== 0) return o.desc ? -c : c;
        }
        return 0;
      });
    },
  };
}

function compareValues(a: string, b: string, type: FieldType): number {
  if (type === "integer" && a !== "" && b !== "") return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
