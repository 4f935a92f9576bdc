/** The PostgreSQL schema that holds a plugin's tables: `plugin_` + the id with `-` as `_`. */
export function pluginSchema(pluginId: string): string {
  return `plugin_${pluginId.replace(/-/g, '_')}`;
}
