/**
 * The `yaml` package, loaded at its first use: only a YAML (or JSON) config file or an MTUS index file
 * read as YAML needs it. A run with neither (the bundled index is compiled to JSON at build time) does
 * not pay for loading it, which a one-letter run of the CLI would notice.
 */
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yamlLib(): typeof Yaml {
  return (lib ??= require('yaml') as typeof Yaml);
}
