import { parseAlertChange } from './alert-change';

const userId = '6f1c2a4e-0c4b-4b1e-9a51-2f2f6f1c2a4e';
const alertId = '0b7e8f9a-1c2d-4e3f-8a9b-0c1d2e3f4a5b';

describe('parseAlertChange', () => {
  it('reads the trigger payload, ids lower-cased', () => {
    expect(parseAlertChange(JSON.stringify({ userId: userId.toUpperCase(), alertId }))).toEqual({
      userId,
      alertId,
    });
  });

  it.each([
    ['not JSON', '{'],
    ['JSON null', 'null'],
    ['a missing id', JSON.stringify({ userId })],
    ['an id that is not a uuid', JSON.stringify({ userId, alertId: "1' OR 1=1" })],
    ['numbers', JSON.stringify({ userId: 1, alertId: 2 })],
  ])('ignores %s', (_what, payload) => {
    expect(parseAlertChange(payload)).toBeNull();
  });
});
