/**
 * `npm run generate`: writes what the kinds' input declarations determine (the resource
 * classes, the reference docs, the README's table, the package schema).
 * test/provider/generated-files.test.ts fails when a checked-in file differs from what this writes.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedFiles } from "../../provider/schema/generated-files";

const root = join(__dirname, "..", "..", "..");
for (const file of generatedFiles()) {
  const path = join(root, file.path);
  const current = existsSync(path) ? readFileSync(path, "utf8") : "";
  const text = file.render(current);
  if (text === current) continue;
  writeFileSync(path, text);
  console.log(`wrote ${file.path}`);
}
