import type { RosterPerson } from '../src/assignment/roster';

/** A roster person who can take a lead, with whatever the test cares about overridden. */
export function makePerson(
  partial: Partial<RosterPerson> & Pick<RosterPerson, 'id'>,
): RosterPerson {
  return {
    name: partial.id.charAt(0).toUpperCase() + partial.id.slice(1),
    status: 'available',
    openLeads: 0,
    skills: [],
    territories: [],
    teamIds: ['team-1'],
    ...partial,
  };
}
