import { createDemoFlowGraph, validateGraph } from '@baton/flow';
import {
  DataSource,
  FlowEntity,
  FlowVersionEntity,
  In,
  ScheduleEntity,
  SettingEntity,
  SourceEntity,
  TeamEntity,
  TeamMemberEntity,
  UserEntity,
  type UserRole,
} from '@baton/db';
import { hashPassword } from '../auth/password-hasher';
import { sha256 } from '../auth/secret-token';
import type { DemoCredentials } from './demo-credentials';
import { seedSampleHistory, type SampleHistoryTargets } from './sample-history/sample-history.seed';

export const DEMO_ADMIN_EMAIL = 'admin@baton.demo';
export const DEMO_SOURCE_SLUG = 'website';
const SEEDED_KEY = 'demo.seeded';

/** The demo's people; every one of them signs in with the demo password, to try each role's day. */
export const demoPeople: {
  name: string;
  email: string;
  role: UserRole;
  skills: string[];
  territories: string[];
}[] = [
  { name: 'Morgan Admin', email: DEMO_ADMIN_EMAIL, role: 'admin', skills: [], territories: [] },
  { name: 'Maya Manager', email: 'maya@baton.demo', role: 'manager', skills: [], territories: [] },
  {
    name: 'Riley Chen',
    email: 'riley@baton.demo',
    role: 'rep',
    skills: ['enterprise'],
    territories: ['EMEA'],
  },
  {
    name: 'Sam Okafor',
    email: 'sam@baton.demo',
    role: 'rep',
    skills: ['smb'],
    territories: ['EMEA', 'NA'],
  },
  {
    name: 'Jordan Silva',
    email: 'jordan@baton.demo',
    role: 'rep',
    skills: ['smb', 'enterprise'],
    territories: ['NA'],
  },
];

/** Whose leads the sample history shows (see sample-history/). */
const sampleHistoryTargets: SampleHistoryTargets = {
  sourceSlug: DEMO_SOURCE_SLUG,
  managerEmail: demoPeople.find((p) => p.role === 'manager')?.email ?? '',
  repEmails: demoPeople.filter((p) => p.role === 'rep').map((p) => p.email),
};

/**
 * Seeds a demo team, reps, office hours, a website source and ~30 days of sample history once.
 * On later runs it only makes sure every demo person's password and the source key match the
 * credentials in the data folder (and adds the sample history to a demo seeded before it existed).
 */
export async function seedDemo(db: DataSource, credentials: DemoCredentials): Promise<void> {
  const passwordHash = await hashPassword(credentials.password);
  await db.transaction(async (m) => {
    const seeded = await m.getRepository(SettingEntity).findOneBy({ key: SEEDED_KEY });
    if (seeded) {
      await m
        .getRepository(UserEntity)
        .update({ email: In(demoPeople.map((p) => p.email)) }, { passwordHash });
      await m
        .getRepository(SourceEntity)
        .update(
          { slug: DEMO_SOURCE_SLUG },
          { apiKeyHash: sha256(credentials.apiKey), apiKeyPrefix: credentials.apiKey.slice(0, 8) },
        );
      await seedSampleHistory(m, sampleHistoryTargets);
      return;
    }
    const schedule = await m.getRepository(ScheduleEntity).save({
      name: 'Office hours (London)',
      timeZone: 'Europe/London',
      weekly: {
        mon: [{ start: '09:00', end: '17:30' }],
        tue: [{ start: '09:00', end: '17:30' }],
        wed: [{ start: '09:00', end: '17:30' }],
        thu: [{ start: '09:00', end: '17:30' }],
        fri: [{ start: '09:00', end: '16:00' }],
      },
      holidays: ['2026-12-25', '2026-12-26', '2027-01-01'],
    });
    const users = await m.getRepository(UserEntity).save(
      demoPeople.map((p) => ({
        ...p,
        passwordHash,
        capacity: p.role === 'rep' ? 25 : null,
        scheduleId: schedule.id,
      })),
    );
    const manager = users.find((u) => u.role === 'manager');
    if (!manager) throw new Error('The demo roster needs a manager');
    const team = await m
      .getRepository(TeamEntity)
      .save({ name: 'Sales', managerId: manager.id, scheduleId: schedule.id });
    await m
      .getRepository(TeamMemberEntity)
      .insert(
        users.filter((u) => u.role !== 'admin').map((u) => ({ teamId: team.id, userId: u.id })),
      );
    const graph = createDemoFlowGraph({ teamId: team.id, scheduleId: schedule.id });
    const check = validateGraph(graph, {
      references: {
        scheduleIds: [schedule.id],
        teamIds: [team.id],
        userIds: users.map((u) => u.id),
      },
    });
    if (!check.ok)
      throw new Error(
        `The demo flow does not validate: ${check.problems.map((p) => p.message).join('; ')}`,
      );
    const flow = await m.getRepository(FlowEntity).save({
      name: 'Inbound demo routing',
      description:
        'Score, route hot leads by round robin in office hours, auto-reply after hours, chase with reminders and escalation.',
      draftGraph: graph,
    });
    const version = await m
      .getRepository(FlowVersionEntity)
      .save({ flowId: flow.id, version: 1, graph, publishedById: users[0]?.id ?? null });
    await m.getRepository(FlowEntity).update({ id: flow.id }, { publishedVersionId: version.id });
    await m.getRepository(SourceEntity).insert({
      slug: DEMO_SOURCE_SLUG,
      name: 'Website contact form',
      apiKeyHash: sha256(credentials.apiKey),
      apiKeyPrefix: credentials.apiKey.slice(0, 8),
      allowedOrigins: ['http://localhost:3000'],
      flowId: flow.id,
    });
    await m.getRepository(SettingEntity).insert({ key: 'defaultScheduleId', value: schedule.id });
    await m
      .getRepository(SettingEntity)
      .insert({ key: SEEDED_KEY, value: { at: new Date().toISOString() } });
    await seedSampleHistory(m, sampleHistoryTargets);
  });
}
