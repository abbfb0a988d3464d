import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { TABLES } from "../../emulator/schema";
import type { PlannedRecord } from "../../provider/lifecycle/record-plan";
import { inputNamesOf } from "../../provider/lifecycle/resource-kind";
import { kinds } from "../../provider/registry";
import { extract, installedPackage, jsonPath, parseTable, type ColumnDefinition, type ServiceNowTables } from "../../scripts/servicenow-tables/extract";
import { validInputs } from "../lifecycle/bad-inputs";

/**
 * ServiceNow's own table definitions (`@servicenow/sdk-core`, extracted by
 * scripts/servicenow-tables/extract.ts) are the reference for every column the emulator or a
 * kind uses on a table ServiceNow defines there: its name, max length and choices (issue 18 A).
 */
const servicenow = JSON.parse(readFileSync(jsonPath, "utf8")) as ServiceNowTables;

/** A column of a table ServiceNow defines, looked up through the tables it extends. */
function columnOf(table: string, column: string): ColumnDefinition | undefined {
  for (let t: ServiceNowTables["tables"][string] | undefined = servicenow.tables[table]; t !== undefined; t = t.extends === undefined ? undefined : servicenow.tables[t.extends]) {
    if (t.columns[column]) return t.columns[column];
  }
  return undefined;
}

const keysOf = (choices: Readonly<Record<string, string>> | undefined) => (choices === undefined ? undefined : Object.keys(choices).sort());

describe("ServiceNow's table definitions", () => {
  it("are the current extraction of the pinned @servicenow/sdk-core devDependency", () => {
    const pinned = (JSON.parse(readFileSync(path.join(installedPackage, "../../../package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies["@servicenow/sdk-core"];
    assert.equal(servicenow.version, pinned);
    assert.deepEqual(extract(installedPackage), servicenow, "run node dist/scripts/servicenow-tables/extract.js to rewrite servicenow-tables.json");
  });

  it("come from a Table({...}) literal as the extractor reads it", () => {
    assert.match(servicenow.source, /^@servicenow\/sdk-core /);
    const table = parseTable(`export const t = Table({ name: 't', extends: 'sys_metadata', schema: {
      a: StringColumn({ maxLength: 40, choices: { x: { label: 'X' }, y: 'Y' } }), b: BooleanColumn({}) } })`);
    assert.deepEqual(table, { name: "t", extends: "sys_metadata", columns: { a: { kind: "StringColumn", maxLength: 40, choices: { x: "X", y: "Y" } }, b: { kind: "BooleanColumn" } } });
  });

  describe("the emulator's schema agrees with them", () => {
    for (const def of TABLES.filter((table) => servicenow.tables[table.name] !== undefined)) {
      it(`${def.name}: every column exists, with ServiceNow's max length and choices`, () => {
        for (const [column, field] of Object.entries(def.fields)) {
          const theirs = columnOf(def.name, column);
          assert.ok(theirs, `${def.name}.${column} is not a column of ServiceNow's ${def.name}`);
          assert.equal(field.maxLength, theirs.maxLength, `${def.name}.${column}: max length`);
          assert.deepEqual(keysOf(field.choices), keysOf(theirs.choices), `${def.name}.${column}: choices`);
        }
      });
    }
  });

  describe("every kind agrees with them", () => {
    const context = { instanceUrl: "https://dev12345.service-now.com" };
    for (const kind of kinds) {
      const valid = validInputs[kind.name]!;
      const plan: PlannedRecord[] = kind.plan(kind.schema.parse(valid), context).filter((record) => servicenow.tables[record.table] !== undefined);
      if (plan.length === 0) continue;

      it(`${kind.name}: writes only ServiceNow's columns, values among their choices, inputs that fit their size`, () => {
        const shape = (kind.schema instanceof z.ZodObject ? kind.schema.shape : (kind.schema as unknown as { in: z.ZodObject }).in?.shape) ?? {};
        for (const record of plan) {
          for (const [column, value] of Object.entries({ ...record.key, ...record.fields })) {
            const theirs = columnOf(record.table, column);
            assert.ok(theirs, `${kind.name} writes ${record.table}.${column}, which ServiceNow's ${record.table} does not have`);
            if (typeof value !== "string") continue;
            if (theirs.choices && value !== "") assert.ok(value in theirs.choices, `${kind.name}: ${record.table}.${column} = "${value}" is not one of ${Object.keys(theirs.choices).join(", ")}`);
            // The input the column comes from: named by the plan, or the one that holds its value.
            const input = record.inputs?.[column] ?? inputNamesOf(kind).find((name) => valid[name] === value);
            if (input === undefined) continue;
            const options = enumOptions(shape[input]);
            if (theirs.choices && options) assert.deepEqual([...options].sort(), keysOf(theirs.choices), `${kind.name}.${input}: the choices of ${record.table}.${column}`);
            if (theirs.maxLength !== undefined && typeof valid[input] === "string") {
              assert.deepEqual(issuesAt(kind.schema, { ...valid, [input]: padded(valid[input], theirs.maxLength) }, input), [], `${kind.name}.${input}: ${theirs.maxLength} characters fit ${record.table}.${column}`);
              const tooLong = issuesAt(kind.schema, { ...valid, [input]: padded(valid[input], theirs.maxLength + 1) }, input);
              assert.ok(tooLong.some((message) => message.includes(String(theirs.maxLength))), `${kind.name}.${input}: ${theirs.maxLength + 1} characters must be refused naming ${theirs.maxLength}: ${JSON.stringify(tooLong)}`);
            }
          }
        }
      });
    }
  });
});

/** A valid value made `length` characters long (letters added in front keep every pattern). */
function padded(value: string, length: number): string {
  return "a".repeat(Math.max(0, length - value.length)) + value;
}

function issuesAt(schema: z.ZodType, inputs: Record<string, unknown>, input: string): string[] {
  const parsed = schema.safeParse(inputs);
  return parsed.success ? [] : parsed.error.issues.filter((issue) => issue.path[0] === input).map((issue) => issue.message);
}

/** The options of an enum input, through `.optional()` and `.default()`. */
function enumOptions(schema: unknown): readonly string[] | undefined {
  let current = schema as { unwrap?: () => unknown; options?: readonly string[] } | undefined;
  while (current && !(current instanceof z.ZodEnum) && typeof current.unwrap === "function") current = current.unwrap() as typeof current;
  return current instanceof z.ZodEnum ? (current.options as readonly string[]) : undefined;
}
