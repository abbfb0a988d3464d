/**
 * How a stored record goes out on the wire: `sysparm_fields` (dot-walking allowed, unknown
 * names left out), `sysparm_display_value` (false/true/all) and
 * `sysparm_exclude_reference_link`. A non-empty reference is `{link, value}` by default.
 */
import type { ResolvedPath, Values } from "./query";
import type { Store } from "./store";

export type DisplayMode = "false" | "true" | "all";

export interface RenderOptions {
  readonly fields?: readonly string[];
  readonly displayValue: DisplayMode;
  readonly excludeReferenceLink: boolean;
  /** Instance URL for reference links. */
  readonly baseUrl: string;
}

export type Rendered = Record<string, unknown>;

/** Prepares the rendering of many records of one table (resolves the field list once). */
export function recordRenderer(store: Store, table: string, opts: RenderOptions): (values: Values) => Rendered {
  const resolve = store.resolver(table);
  const names = opts.fields ?? [...store.schema.fields(table).keys()];
  const columns: [string, ResolvedPath][] = [];
  for (const n of names) {
    const path = resolve(n);
    if (path !== undefined) columns.push([n, path]);
  }

  const display = (path: ResolvedPath, value: string): string => {
    if (path.reference === undefined || value === "") return value;
    const target = store.get(path.reference, value);
    return target?.values[store.schema.displayField(target.className)] ?? "";
  };

  return (values) => {
    const out: Rendered = {};
    for (const [name, path] of columns) {
      const value = path.get(values);
      const link = path.reference !== undefined && value !== "" && !opts.excludeReferenceLink ? `${opts.baseUrl}/api/now/table/${path.reference}/${value}` : undefined;
      if (opts.displayValue === "all") {
        out[name] = link === undefined ? { display_value: display(path, value), value } : { display_value: display(path, value), link, value };
      } else if (opts.displayValue === "true") {
        out[name] = link === undefined ? display(path, value) : { display_value: display(path, value), link };
      } else {
        out[name] = link === undefined ? value : { link, value };
      }
    }
    return out;
  };
}
