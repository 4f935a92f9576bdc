import { join } from 'node:path';
import prettier from 'prettier';
import { answersTypeSource } from '../../core/src/forms/engine/answers-type.js';
import type { FormDefinition } from '../../core/src/forms/engine/index.js';
import { termDictionary } from '../../core/src/terms/term-dictionary.js';

/**
 * The generated `<form>.answers.ts` for a form file's definition, formatted as the project's code
 * is. Terms plugins declare must be registered first (`registerPluginTerms`).
 */
export async function answersFile(root: string, file: string, form: FormDefinition): Promise<string> {
  const options = { ...(await prettier.resolveConfig(join(root, 'package.json'))), parser: 'typescript' };
  const source = [
    `// Generated from ${file} by \`npm run forms:types\`: do not edit (CI checks it is current).`,
    answersTypeSource(form, termDictionary),
  ].join('\n');
  return prettier.format(source, options);
}
