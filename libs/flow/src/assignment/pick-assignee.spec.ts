import fc from 'fast-check';
import { makePerson } from '../../test/make-person.util';
import { weekdaySchedule } from '../../test/make-schedule.util';
import { assignConfigSchema } from '../nodes/assign/assign.node';
import { assignmentPoolKey } from './assignment-pool';
import { pickAssignee } from './pick-assignee';
import type { RosterPerson } from './roster';

const now = new Date('2026-03-10T14:00:00Z'); // Tue 10:00 in New York, 15:00 in Berlin
const config = (input: Record<string, unknown>) =>
  assignConfigSchema.parse({ teamId: 'team-1', ...input });

describe('pickAssignee: who is skipped and why', () => {
  const schedules = {
    'ny-hours': weekdaySchedule('America/New_York'),
    'tokyo-hours': weekdaySchedule('Asia/Tokyo'),
  };
  const roster: RosterPerson[] = [
    makePerson({ id: 'ana' }),
    makePerson({ id: 'ben', status: 'away' }),
    makePerson({ id: 'cai', outOfOfficeUntil: '2026-03-12T08:00:00.000Z' }),
    makePerson({ id: 'dee', capacity: 3, openLeads: 3 }),
    makePerson({ id: 'eve', scheduleId: 'tokyo-hours' }),
    makePerson({ id: 'fay', scheduleId: 'ny-hours', openLeads: 2, capacity: 5 }),
    makePerson({ id: 'gus', outOfOfficeUntil: new Date('2026-03-01T00:00:00Z') }),
    makePerson({ id: 'hal', teamIds: ['team-2'] }),
  ];

  it('records a reason for everyone in the pool, and only the pool', () => {
    const result = pickAssignee(config({ strategy: 'least_loaded' }), roster, {
      now,
      schedules,
      excludeUserIds: ['gus'],
    });
    expect(result.considered).toEqual([
      { userId: 'ana', name: 'Ana', eligible: true, reason: 'chosen: fewest open leads (0)' },
      { userId: 'ben', name: 'Ben', eligible: false, reason: 'away' },
      {
        userId: 'cai',
        name: 'Cai',
        eligible: false,
        reason: 'out of office until Thu 12 Mar 2026 08:00 UTC',
      },
      { userId: 'dee', name: 'Dee', eligible: false, reason: 'at capacity 3/3' },
      {
        userId: 'eve',
        name: 'Eve',
        eligible: false,
        reason: 'outside their working hours (back Wed 11 Mar 2026 09:00 Asia/Tokyo)',
      },
      { userId: 'fay', name: 'Fay', eligible: true, reason: 'available (2 of 5 open leads)' },
      { userId: 'gus', name: 'Gus', eligible: false, reason: 'held this lead before' },
    ]);
    expect(result.userId).toBe('ana');
    expect(result.explanation).toMatch(
      /^Assigned to Ana \(fewest open leads \(0\)\); skipped Ben \(away\), Cai/,
    );
  });

  it('ignores personal schedules when told to', () => {
    const result = pickAssignee(
      config({ strategy: 'specific_user', userId: 'eve', respectSchedules: false }),
      roster,
      {
        now,
        schedules,
      },
    );
    expect(result.userId).toBe('eve');
  });

  it('returns nobody with every reason', () => {
    const result = pickAssignee(config({ pool: ['ben', 'dee'] }), roster, { now, schedules });
    expect(result.userId).toBeNull();
    expect(result.explanation).toBe('Nobody available: Ben (away), Dee (at capacity 3/3).');
  });

  it('says so when the pool is empty', () => {
    expect(pickAssignee(config({ teamId: 'team-9' }), roster, { now }).explanation).toBe(
      'Nobody to assign: the pool is empty.',
    );
  });

  it('reports a specific user who is not in the roster', () => {
    const result = pickAssignee(config({ strategy: 'specific_user', userId: 'zed' }), roster, {
      now,
    });
    expect(result.userId).toBeNull();
    expect(result.considered).toEqual([
      { userId: 'zed', eligible: false, reason: expect.stringMatching(/not in the roster/) },
    ]);
  });

  it('lets an explicit pool replace the team', () => {
    const result = pickAssignee(config({ strategy: 'least_loaded', pool: ['hal'] }), roster, {
      now,
    });
    expect(result.userId).toBe('hal');
    expect(result.poolKey).toBe('pool:hal');
  });
});

describe('round robin', () => {
  const team = ['a', 'b', 'c', 'd'].map((id) => makePerson({ id }));

  it('starts at the cursor and moves it past the chosen person', () => {
    const result = pickAssignee(config({}), team, { now, cursor: 2 });
    expect(result).toMatchObject({ userId: 'c', nextCursor: 3 });
    expect(pickAssignee(config({}), team, { now, cursor: 7 })).toMatchObject({
      userId: 'd',
      nextCursor: 4,
    });
  });

  it('skips unavailable people and goes on from the one chosen', () => {
    const roster = team.map((p) => (p.id === 'c' ? { ...p, status: 'away' as const } : p));
    expect(pickAssignee(config({}), roster, { now, cursor: 2 })).toMatchObject({
      userId: 'd',
      nextCursor: 4,
    });
    expect(pickAssignee(config({}), roster, { now, cursor: 4 })).toMatchObject({
      userId: 'a',
      nextCursor: 1,
    });
  });

  it('does not depend on the order the roster was loaded in', () => {
    const shuffled = [team[2], team[0], team[3], team[1]] as RosterPerson[];
    expect(pickAssignee(config({}), shuffled, { now, cursor: 1 }).userId).toBe('b');
  });

  it('gives each of N eligible people exactly k of k*N leads', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        fc.nat({ max: 1000 }),
        fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 4 }),
        (ids, k, startCursor, awayIds) => {
          const away = awayIds.filter((id) => !ids.includes(id));
          const roster = [
            ...ids.map((id) => makePerson({ id })),
            ...away.map((id) => makePerson({ id, status: 'away' })),
          ];
          const counts = new Map<string, number>();
          let cursor = startCursor;
          for (let i = 0; i < k * ids.length; i++) {
            const pick = pickAssignee(config({}), roster, { now, cursor });
            if (!pick.userId || pick.nextCursor === undefined) return false;
            counts.set(pick.userId, (counts.get(pick.userId) ?? 0) + 1);
            cursor = pick.nextCursor;
          }
          return ids.every((id) => counts.get(id) === k) && away.every((id) => !counts.has(id));
        },
      ),
    );
  });
});

describe('weighted', () => {
  const team = [
    makePerson({ id: 'a', weight: 3 }),
    makePerson({ id: 'b', weight: 1 }),
    makePerson({ id: 'z', weight: 0 }),
  ];

  it('follows the weights over a cycle and never picks weight 0', () => {
    const counts: Record<string, number> = {};
    for (let i = 0; i < 8; i++) {
      const pick = pickAssignee(config({ strategy: 'weighted' }), team, { now, counts });
      if (pick.userId) counts[pick.userId] = (counts[pick.userId] ?? 0) + 1;
    }
    expect(counts).toEqual({ a: 6, b: 2 });
    expect(
      pickAssignee(config({ strategy: 'weighted' }), team, { now }).considered[2],
    ).toMatchObject({
      userId: 'z',
      eligible: false,
      reason: 'weight 0 (takes no leads from this pool)',
    });
  });

  it('lets the step override personal weights', () => {
    const pick = pickAssignee(config({ strategy: 'weighted', weights: { b: 10 } }), team, {
      now,
      counts: {},
    });
    expect(pick.userId).toBe('b');
  });

  it('gives each person exactly k times their weight over k * total weight leads', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 3 }),
        (weights, k) => {
          const roster = weights.map((weight, i) => makePerson({ id: `p${i}`, weight }));
          const counts: Record<string, number> = {};
          const total = weights.reduce((a, b) => a + b, 0);
          for (let i = 0; i < k * total; i++) {
            const pick = pickAssignee(config({ strategy: 'weighted' }), roster, { now, counts });
            if (!pick.userId) return false;
            counts[pick.userId] = (counts[pick.userId] ?? 0) + 1;
          }
          return weights.every((w, i) => counts[`p${i}`] === k * w);
        },
      ),
    );
  });
});

describe('least loaded', () => {
  it('picks the fewest open leads, then the fewest from this pool, then pool order', () => {
    const team = [
      makePerson({ id: 'a', openLeads: 4 }),
      makePerson({ id: 'b', openLeads: 1 }),
      makePerson({ id: 'c', openLeads: 1 }),
    ];
    expect(pickAssignee(config({ strategy: 'least_loaded' }), team, { now }).userId).toBe('b');
    expect(
      pickAssignee(config({ strategy: 'least_loaded' }), team, { now, counts: { b: 2, c: 1 } })
        .userId,
    ).toBe('c');
  });
});

describe('match', () => {
  const team = [
    makePerson({ id: 'a', skills: ['Solar'], territories: ['DE'], openLeads: 3 }),
    makePerson({ id: 'b', skills: ['solar', 'heat-pump'], territories: ['AT'], openLeads: 1 }),
    makePerson({ id: 'c', skills: ['heat-pump'], territories: ['DE'], openLeads: 0 }),
  ];
  const facts = (customFields: Record<string, unknown>) => ({
    lead: { customFields },
    qualification: {},
    context: {},
  });
  const matchConfig = config({
    strategy: 'match',
    skillField: 'lead.customFields.product',
    territoryField: 'lead.customFields.country',
  });

  it('keeps people with the skill and territory, least loaded first', () => {
    const result = pickAssignee(matchConfig, team, {
      now,
      facts: facts({ product: 'SOLAR', country: 'de' }),
    });
    expect(result.userId).toBe('a');
    expect(result.considered.map((c) => c.reason)).toEqual([
      'chosen: matches the lead; fewest open leads (3)',
      'missing territory "de"',
      'missing skill "solar"',
    ]);
  });

  it('does not narrow the pool on a field the lead does not have', () => {
    expect(
      pickAssignee(matchConfig, team, { now, facts: facts({ product: 'heat-pump' }) }).userId,
    ).toBe('c');
  });

  it('returns nobody when no one matches', () => {
    expect(
      pickAssignee(matchConfig, team, { now, facts: facts({ product: 'wind' }) }).userId,
    ).toBeNull();
  });
});

describe('assignmentPoolKey', () => {
  it('identifies teams, pools (order-free) and single users', () => {
    expect(assignmentPoolKey(config({}))).toBe('team:team-1');
    expect(assignmentPoolKey(config({ pool: ['b', 'a'] }))).toBe('pool:a,b');
    expect(assignmentPoolKey(config({ strategy: 'specific_user', userId: 'u' }))).toBe('user:u');
  });
});
