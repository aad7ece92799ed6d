import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import { describeModelFailure } from '../src/executors/qualify-model-miss';

const failed = (cause: Error) =>
  new ActivityFailure('Activity task failed', 'qualifyWithModel', '7', 'TIMEOUT', undefined, cause);

describe('why the model activity gave no score', () => {
  it('calls a spent budget busy, naming the budget', () => {
    const miss = describeModelFailure(
      failed(new TimeoutFailure('activity timeout', undefined, 'SCHEDULE_TO_CLOSE')),
      3_500,
    );
    expect(miss.kind).toBe('model_busy');
    expect(miss.detail).toMatch(/3500 ms/);
  });

  it('calls anything else down, with the innermost reason (retries spent on a database error)', () => {
    const db = ApplicationFailure.create({ type: 'Error', message: 'connection terminated' });
    expect(describeModelFailure(failed(db), 1_000)).toEqual({
      kind: 'model_down',
      detail: 'connection terminated',
    });
  });
});
