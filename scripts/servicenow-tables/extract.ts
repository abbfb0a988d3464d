/**
 * Extracts ServiceNow's own definitions of the tables this project writes from the npm package
 * `@servicenow/sdk-core` (src/fluent/tables/*.now.ts, MIT) into servicenow-tables.json: per
 * column its kind (`StringColumn`, ...), max length and choices, as ServiceNow ships them.
 * test/provider/servicenow-tables.test.ts compares the emulator and the kinds with it.
 *
 * The package is a devDependency (pinned): after changing its version, rewrite the JSON with
 *   node dist/scripts/servicenow-tables/extract.js [<unpacked package dir>] [--check]
 * (default: node_modules/@servicenow/sdk-core; `--check` exits 1 when the JSON is not current).
 * The test also compares the JSON with the installed package.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** The tables whose columns the emulator or a kind uses, and the ancestors they inherit from. */
export const TABLE_FILES: Readonly<Record<string, string>> = {
  sys_alias: "sys_alias.now.ts",
  sys_alias_templates: "sys_alias_templates.now.ts",
  sys_properties: "sys_properties.now.ts",
  sys_user: "sys_user.now.ts",
  sys_user_role: "sys_user_role.now.ts",
  sys_variable_value: "sys_variable_value.now.ts",
  var_dictionary: "atf/var_dictionary.now.ts",
  sys_dictionary: "sys_dictionary.now.ts",
  sys_metadata: "sys_metadata.now.ts",
};

export interface ColumnDefinition {
  /** The SDK's column function, e.g. `StringColumn`. */
  readonly kind: string;
  /** Absent where ServiceNow's definition states none (the instance's default for the type applies). */
  readonly maxLength?: number;
  /** Stored value → label. */
  readonly choices?: Readonly<Record<string, string>>;
}

export interface TableDefinition {
  readonly extends?: string;
  readonly columns: Readonly<Record<string, ColumnDefinition>>;
}

export interface ServiceNowTables {
  readonly source: string;
  readonly version: string;
  readonly tables: Readonly<Record<string, TableDefinition>>;
}

const repoRoot = path.join(__dirname, "../../..");
export const jsonPath = path.join(repoRoot, "scripts/servicenow-tables/servicenow-tables.json");
/** Where npm installs the devDependency (its `exports` do not expose package.json to require.resolve). */
export const installedPackage = path.join(repoRoot, "node_modules/@servicenow/sdk-core");

/** The object literal a property of `object` holds, if it holds one. */
function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name) return p.initializer;
  }
  return undefined;
}

function text(node: ts.Expression | undefined): string | undefined {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) ? node.text : undefined;
}

function choicesOf(node: ts.Expression | undefined): Record<string, string> | undefined {
  if (node === undefined || !ts.isObjectLiteralExpression(node)) return undefined;
  const out: Record<string, string> = {};
  for (const p of node.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const value = p.name.getText().replace(/^['"]|['"]$/g, "");
    const init = p.initializer;
    out[value] = text(init) ?? (ts.isObjectLiteralExpression(init) ? text(property(init, "label")) ?? value : value);
  }
  return out;
}

/** One `*.now.ts` file's `Table({...})`: its name, parent and columns. */
export function parseTable(source: string): { name: string } & TableDefinition {
  const file = ts.createSourceFile("table.now.ts", source, ts.ScriptTarget.Latest, true);
  let found: ({ name: string } & TableDefinition) | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node) && node.expression.getText(file) === "Table" && node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) {
      const table = node.arguments[0];
      const schema = property(table, "schema");
      const columns: Record<string, ColumnDefinition> = {};
      if (schema && ts.isObjectLiteralExpression(schema)) {
        for (const p of schema.properties) {
          if (!ts.isPropertyAssignment(p) || !ts.isCallExpression(p.initializer)) continue;
          const config = p.initializer.arguments[0];
          const options = config && ts.isObjectLiteralExpression(config) ? config : undefined;
          const maxLength = options ? Number(text(property(options, "maxLength")) ?? Number.NaN) : Number.NaN;
          const choices = options ? choicesOf(property(options, "choices")) : undefined;
          columns[p.name.getText(file)] = {
            kind: p.initializer.expression.getText(file),
            ...(Number.isFinite(maxLength) ? { maxLength } : {}),
            ...(choices ? { choices } : {}),
          };
        }
      }
      const parent = text(property(table, "extends"));
      found = { name: text(property(table, "name")) ?? "", ...(parent ? { extends: parent } : {}), columns };
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) throw new Error("no Table({...}) call in the file");
  return found;
}

export function extract(packageDir: string): ServiceNowTables {
  const pkg = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { name: string; version: string };
  const tables: Record<string, TableDefinition> = {};
  for (const [name, file] of Object.entries(TABLE_FILES)) {
    const { name: declared, ...definition } = parseTable(readFileSync(path.join(packageDir, "src/fluent/tables", file), "utf8"));
    if (declared !== name) throw new Error(`${file} defines ${declared}, not ${name}`);
    tables[name] = definition;
  }
  return { source: `${pkg.name} src/fluent/tables`, version: pkg.version, tables };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const flag = args.includes("--check") ? "--check" : undefined;
  const packageDir = args.find((arg) => arg !== "--check") ?? installedPackage;
  const json = `${JSON.stringify(extract(packageDir), null, 2)}\n`;
  if (flag === "--check") {
    const current = readFileSync(jsonPath, "utf8") === json;
    process.stdout.write(current ? "servicenow-tables.json is current\n" : "servicenow-tables.json differs from the package: run without --check\n");
    process.exit(current ? 0 : 1);
  }
  writeFileSync(jsonPath, json);
  process.stdout.write(`wrote ${jsonPath}\n`);
}
