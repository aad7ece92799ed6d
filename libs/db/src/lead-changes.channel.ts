/** PostgreSQL NOTIFY channel carrying the id of a lead that changed; the API turns it into SSE. */
export const LEAD_CHANGED_CHANNEL = 'baton_lead_changed';
