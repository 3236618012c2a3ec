/** What the import file picker offers; kept apart from `method-file.ts` so that showing the
 * picker does not load the YAML library. */
export const METHOD_FILE_TYPES = '.yaml,.yml,.json,application/json,text/yaml';
