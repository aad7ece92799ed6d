/**
 * PostgreSQL NOTIFY channel carrying `{"userId","alertId"}` of a notification row that was added or
 * acknowledged (a trigger on notifications sends it); the API turns it into the owner's SSE `alert`.
 */
export const ALERT_CHANGED_CHANNEL = 'baton_alert_changed';
