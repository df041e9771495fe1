/** A spec file after YAML parsing: its value plus what is needed to point back into it. */
import type { Document, LineCounter } from 'yaml';

export interface ParsedFile {
  /** The path as shown to the user (relative to cwd, or as given). */
  readonly file: string;
  /** The absolute path, for resolving policy files next to it. */
  readonly absPath: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The document as plain JS (aliases expanded); a mapping, checked by parseYaml. */
  readonly value: Record<string, unknown>;
}
