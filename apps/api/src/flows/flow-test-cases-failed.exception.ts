import { UnprocessableEntityException } from '@nestjs/common';
import type { FlowTestRun } from '@baton/api-contract';

/**
 * 422: a test case fails against the draft, so it cannot be published. Shaped like the graph
 * problems' refusal: one issue per failed check (`testCases.<case name>.<field>`), plus the run.
 */
export class FlowTestCasesFailedException extends UnprocessableEntityException {
  constructor(readonly run: FlowTestRun) {
    const failing = run.results.filter((r) => !r.passed);
    super({
      error: 'Unprocessable Entity',
      message: `${run.failed} of ${run.total} test ${run.total === 1 ? 'case fails' : 'cases fail'}: ${failing
        .map((r) => `"${r.name}"`)
        .join(', ')}`,
      issues: failing.flatMap((r) =>
        r.failures.map((f) => ({
          path: `testCases.${r.name}.${f.field}`,
          message: `"${r.name}": ${f.message}`,
        })),
      ),
      testRun: run,
    });
  }
}
