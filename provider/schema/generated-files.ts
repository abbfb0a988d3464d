import { kinds } from "../registry";
import { packageSchema } from "./package-schema";
import { referenceFile, renderReadmeTable, renderReference, withReadmeTable } from "./render-docs";
import { pluginResourcesFile, renderPluginResources, renderResources, resourcesFile } from "./render-resources";

export interface GeneratedFile {
  /** From the repository's root. */
  readonly path: string;
  /** The file's text, given its current text (the README is only partly generated). */
  render(current: string): string;
}

/** Where `npm run generate` writes the package schema: the plugin's, for other languages' SDKs and reviews. */
export const schemaFile = "provider/schema/schema.json";

/** Every file `npm run generate` writes. */
export function generatedFiles(): GeneratedFile[] {
  return [
    { path: resourcesFile, render: () => renderResources(kinds) },
    { path: pluginResourcesFile, render: () => renderPluginResources(kinds) },
    { path: referenceFile, render: () => renderReference(kinds) },
    { path: "README.md", render: (current) => withReadmeTable(current, renderReadmeTable(kinds)) },
    { path: schemaFile, render: () => `${JSON.stringify(packageSchema(), null, 2)}\n` },
  ];
}


