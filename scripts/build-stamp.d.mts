// Types of scripts/build-stamp.mjs, for the specs that import it.

/** A build step and what it reads, relative to the project root. */
export interface BuildStep {
  name: string;
  force: string;
  dirs: string[];
  files: string[];
  importsFrom: string | null;
  outputs: string[];
  stamp: string;
}

export const STEPS: { server: BuildStep; shell: BuildStep };

export interface BuildDecision {
  rebuild: boolean;
  reason: 'never built' | 'output missing' | 'inputs changed' | 'unchanged';
  hash: string;
}

export function importSpecifiers(source: string): string[];
export function importClosure(root: string, dir: string): string[];
export function stepInputs(root: string, step: BuildStep): string[];
export function fingerprint(root: string, inputs: string[]): string;
export function decide(root: string, step: BuildStep): BuildDecision;
export function writeStamp(root: string, step: BuildStep, hash: string): void;
export function skipMessage(step: BuildStep): string;
