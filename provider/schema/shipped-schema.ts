import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The installed package's root, from dist/provider/schema/. */
const packageRoot = join(__dirname, "..", "..", "..");

/** The installed package's version: the plugin's. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
}

/**
 * The package schema as the package ships it: provider/schema/schema.json, which
 * `npm run generate` writes from the kinds' declarations (packageSchema(), ./package-schema.ts)
 * and test/provider/generated-files.test.ts keeps equal to them. The plugin answers GetSchema
 * with it, so a plugin process started only for the schema (Pulumi YAML starts one per run)
 * never loads the kinds.
 */
export function shippedSchema(): string {
  return readFileSync(join(packageRoot, "provider", "schema", "schema.json"), "utf8");
}
