import type { Alert, AlertKind } from '@baton/api-contract';

/** The columns every alert read selects (n: notifications, l: leads). */
export const ALERT_COLUMNS = `n.id, n.kind, n.title, n.body, n.created_at, n.acknowledged_at,
  l.id AS lead_id, l.name AS lead_name,
  to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

export const ALERT_FROM = `FROM notifications n LEFT JOIN leads l ON l.id = n.lead_id`;

export interface AlertRow {
  id: string;
  kind: AlertKind;
  title: string;
  body: string;
  created_at: Date;
  acknowledged_at: Date | null;
  lead_id: string | null;
  lead_name: string | null;
  /** created_at to the microsecond, for the cursor. */
  cursor_at: string;
}

export function toAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    lead: r.lead_id ? { id: r.lead_id, name: r.lead_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
    acknowledgedAt: r.acknowledged_at ? r.acknowledged_at.toISOString() : null,
  };
}
