/** Whose alert changed, as the notifications trigger tells it. */
export interface AlertChange {
  userId: string;
  alertId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The change a NOTIFY payload names, or null for anything else (nothing else should be sent). */
export function parseAlertChange(payload: string): AlertChange | null {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== 'object' || value === null) return null;
    const { userId, alertId } = value as Record<string, unknown>;
    if (typeof userId !== 'string' || typeof alertId !== 'string') return null;
    if (!UUID.test(userId) || !UUID.test(alertId)) return null;
    return { userId: userId.toLowerCase(), alertId: alertId.toLowerCase() };
  } catch {
    return null;
  }
}
