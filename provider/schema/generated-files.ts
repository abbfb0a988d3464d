import { kinds } from "../registry";
import { renderResources, resourcesFile } from "./render-resources";

export interface GeneratedFile {
  /** From the repository's root. */
  readonly path: string;
  readonly text: string;
}

/** Every file `npm run generate` writes, with its text. */
export function generatedFiles(): GeneratedFile[] {
  return [{ path: resourcesFile, text: renderResources(kinds) }];
}
