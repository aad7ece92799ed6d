/** A person who might take a lead, as the assignment step sees them (loaded fresh for each pick). */
export interface RosterPerson {
  id: string;
  name: string;
  status: 'available' | 'away';
  /** A Date, or its ISO string after crossing an activity boundary. */
  outOfOfficeUntil?: Date | string | null;
  /** Most open leads at once; null/undefined = no cap. */
  capacity?: number | null;
  openLeads: number;
  skills: readonly string[];
  territories: readonly string[];
  teamIds: readonly string[];
  scheduleId?: string | null;
  /** Share for the weighted strategy; 1 when unset. */
  weight?: number | null;
}
