import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type {
  Alert,
  AlertAcknowledgement,
  AlertList,
  AlertListQuery,
  AlertsAcknowledged,
} from '@baton/api-contract';
import { DataSource } from '@baton/db';
import { decodeKeysetCursor, keysetPage } from '../http/keyset-cursor';
import { ALERT_COLUMNS, ALERT_FROM, type AlertRow, toAlert } from './alert-rows';

/**
 * A person's own alerts. Every query is scoped by user id, so someone else's alert reads as
 * missing (404), never as forbidden: its existence does not leak.
 */
@Injectable()
export class AlertsService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async list(userId: string, query: AlertListQuery): Promise<AlertList> {
    const where = ['n.user_id = $1'];
    const params: unknown[] = [userId];
    if (query.state === 'unread') where.push('n.acknowledged_at IS NULL');
    if (query.cursor) {
      const c = decodeKeysetCursor(query.cursor);
      params.push(c.at, c.id);
      where.push(`(n.created_at, n.id) < ($2::timestamptz, $3::uuid)`);
    }
    const rows: AlertRow[] = await this.db.query(
      `SELECT ${ALERT_COLUMNS} ${ALERT_FROM} WHERE ${where.join(' AND ')}
       ORDER BY n.created_at DESC, n.id DESC LIMIT ${query.limit + 1}`,
      params,
    );
    return keysetPage(rows, query.limit, toAlert);
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { unread: number }[] = await this.db.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND acknowledged_at IS NULL`,
      [userId],
    );
    return row?.unread ?? 0;
  }

  /** These alerts of this person as they are now (ids of others' alerts are left out). */
  async load(userId: string, ids: string[]): Promise<Alert[]> {
    if (ids.length === 0) return [];
    const rows: AlertRow[] = await this.db.query(
      `SELECT ${ALERT_COLUMNS} ${ALERT_FROM} WHERE n.user_id = $1 AND n.id = ANY($2::uuid[])
       ORDER BY n.created_at, n.id`,
      [userId, ids],
    );
    return rows.map(toAlert);
  }

  /** Acknowledged once: acknowledging again keeps the first time and answers the same. */
  async acknowledge(userId: string, id: string): Promise<AlertAcknowledgement> {
    await this.db.query(
      `UPDATE notifications SET acknowledged_at = now()
       WHERE id = $1 AND user_id = $2 AND acknowledged_at IS NULL`,
      [id, userId],
    );
    const [alert] = await this.load(userId, [id]);
    if (!alert) throw new NotFoundException(`Alert ${id} does not exist`);
    return { alert, unread: await this.unreadCount(userId) };
  }

  async acknowledgeAll(userId: string): Promise<AlertsAcknowledged> {
    // A SELECT around the UPDATE, so the driver answers rows (not [rows, count]).
    const [row]: { acknowledged: number }[] = await this.db.query(
      `WITH done AS (
         UPDATE notifications SET acknowledged_at = now()
         WHERE user_id = $1 AND acknowledged_at IS NULL RETURNING 1
       ) SELECT count(*)::int AS acknowledged FROM done`,
      [userId],
    );
    return { acknowledged: row?.acknowledged ?? 0 };
  }
}
