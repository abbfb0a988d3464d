/**
 * `npm run generate`: writes what the kinds' input declarations determine (the resource
 * classes, the package schema, the reference docs). test/provider/generated-files.test.ts
 * fails when a checked-in file differs from what this would write.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generatedFiles } from "../../provider/schema/generated-files";

const root = join(__dirname, "..", "..", "..");
for (const file of generatedFiles()) {
  writeFileSync(join(root, file.path), file.text);
  console.log(`wrote ${file.path}`);
}
