import type { FlowTestRun } from '@baton/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { fetchFlowTestCases, flowTestCaseKeys } from './flow-test-cases.api';
import './flow-test-cases.css';

// The publish dialog's part of the saved tests: how many will run, and which failed and why.

/** "3 saved tests will run": said before publishing, nothing when they cannot be listed. */
export function PublishTestsNote({ flowId }: { flowId: string }) {
  const cases = useQuery({
    queryKey: flowTestCaseKeys.list(flowId),
    queryFn: ({ signal }) => fetchFlowTestCases(flowId, signal),
  });
  if (!cases.data) return null;
  const count = cases.data.items.length;
  return (
    <p className="dialog-text flow-publish-tests-note" data-testid="publish-tests-note">
      {count === 0
        ? 'No saved tests run on publish: save some in the test panel to guard where leads go.'
        : `${count} saved ${count === 1 ? 'test' : 'tests'} will run against the draft; publishing stops if one fails.`}
    </p>
  );
}

/** The saved tests a refused publish failed on, each with why, and the way to the test panel. */
export function PublishFailedTests({
  run,
  onOpenTests,
}: {
  run: FlowTestRun;
  onOpenTests(): void;
}) {
  const titleId = useId();
  const failing = run.results.filter((r) => !r.passed);
  return (
    <section
      className="flow-publish-failed-tests"
      aria-labelledby={titleId}
      data-testid="publish-failed-tests"
    >
      <h3 className="flow-publish-changes-title" id={titleId}>
        {failing.length === 1
          ? '1 saved test fails'
          : `${failing.length} of ${run.total} saved tests fail`}
      </h3>
      <ul className="flow-test-case-list">
        {failing.map((result) => (
          <li
            key={result.id}
            className="flow-test-case is-failed"
            data-testid="publish-failed-test"
          >
            <span className="flow-test-case-name">{result.name}</span>
            <ul className="flow-test-case-failures">
              {result.failures.map((failure, index) => (
                <li key={index}>{failure.message}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <p className="dialog-text">
        Fix the flow, or the test if the new route is meant: the test panel shows each test’s path.{' '}
        <button type="button" className="link-button" onClick={onOpenTests}>
          Open the saved tests
        </button>
      </p>
    </section>
  );
}
