import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each holiday is called ("Christmas Day"), keyed by its date. Kept beside `holidays`
 * rather than in it: the routing engine reads `holidays` as plain dates, and a name is only
 * for people.
 */
export class ScheduleHolidayNames1764000000012 implements MigrationInterface {
  name = 'ScheduleHolidayNames1764000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE schedules ADD COLUMN holiday_names jsonb NOT NULL DEFAULT '{}'::jsonb`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE schedules DROP COLUMN holiday_names`);
  }
}
