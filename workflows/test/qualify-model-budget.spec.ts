import { MODEL_BUDGET_FLOOR_MS, modelBudgetMs } from '../src/executors/qualify-model-budget';

const received = '2025-03-03T10:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(received) + ms);

describe("the qualify step's model budget", () => {
  it('counts from the start of the run (just after the arrival): time already spent is gone', () => {
    expect(
      modelBudgetMs({
        receivedAt: received,
        runStartedAt: at(50),
        now: at(400),
        timeoutMs: 15_000,
      }),
    ).toBe(14_650);
  });

  it('never drops below the floor while any of the budget is left', () => {
    expect(
      modelBudgetMs({
        receivedAt: received,
        runStartedAt: at(0),
        now: at(14_900),
        timeoutMs: 15_000,
      }),
    ).toBe(MODEL_BUDGET_FLOOR_MS);
  });

  it('counts from the run start when the workflow started late (Temporal was down)', () => {
    expect(
      modelBudgetMs({
        receivedAt: received,
        runStartedAt: at(10 * 60_000),
        now: at(10 * 60_000 + 200),
        timeoutMs: 15_000,
      }),
    ).toBe(14_800);
  });

  it('gives the whole budget to a step reached after the flow itself waited (a delay)', () => {
    expect(
      modelBudgetMs({
        receivedAt: received,
        runStartedAt: at(0),
        now: at(3_600_000),
        timeoutMs: 8_000,
      }),
    ).toBe(8_000);
  });
});
