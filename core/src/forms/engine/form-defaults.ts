/**
 * A form declaration with the properties a developer may leave out filled in, as every consumer
 * (checks, catalogue, shell) then sees it: `version` 1 until the form is changed, and `type`
 * from its shape (`task-list` with sections, `single` with one page, else `wizard`). Anything
 * that is not an object is returned as it is, for the definition checks to name.
 */
export function withFormDefaults(form: unknown): unknown {
  if (typeof form !== 'object' || form === null || Array.isArray(form)) return form;
  const declared = form as { version?: unknown; type?: unknown; sections?: unknown; pages?: unknown };
  const type =
    declared.sections !== undefined
      ? 'task-list'
      : Array.isArray(declared.pages) && declared.pages.length === 1
        ? 'single'
        : 'wizard';
  return { ...declared, version: declared.version ?? 1, type: declared.type ?? type };
}
