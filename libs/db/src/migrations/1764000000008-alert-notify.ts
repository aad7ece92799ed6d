import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every alert added (by the worker, in any transaction) or acknowledged NOTIFYs baton_alert_changed
 * with its owner and id, so the API can push it to that person's open event streams. A trigger
 * rather than a NOTIFY at each writer: nothing that inserts a notification can forget it, and the
 * message goes out only if the transaction commits.
 */
export class AlertNotify1764000000008 implements MigrationInterface {
  name = 'AlertNotify1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION notify_alert_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.acknowledged_at IS NOT DISTINCT FROM NEW.acknowledged_at THEN
          RETURN NULL;
        END IF;
        PERFORM pg_notify('baton_alert_changed',
          json_build_object('userId', NEW.user_id, 'alertId', NEW.id)::text);
        RETURN NULL;
      END $$
    `);
    await q.query(`
      CREATE TRIGGER notifications_notify_changed
      AFTER INSERT OR UPDATE OF acknowledged_at ON notifications
      FOR EACH ROW EXECUTE FUNCTION notify_alert_changed()
    `);
    // A person's alerts newest first, acknowledged ones too (the open ones have their own index).
    await q.query(
      `CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_user_created_idx`);
    await q.query(`DROP TRIGGER notifications_notify_changed ON notifications`);
    await q.query(`DROP FUNCTION notify_alert_changed()`);
  }
}
