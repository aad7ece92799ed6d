import ical, { ICalCalendarMethod } from 'ical-generator';

export interface MeetingInviteInput {
  bookingId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  description?: string;
}

/**
 * An iTIP REQUEST for one meeting. The UID is the booking id, so a resent invite updates the same
 * calendar entry rather than adding a second one.
 */
export function buildMeetingInvite(input: MeetingInviteInput): string {
  const calendar = ical({
    prodId: { company: 'Baton', product: 'baton' },
    method: ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${input.bookingId}@baton`,
    start: input.startsAt,
    end: input.endsAt,
    summary: input.title,
    description: input.description ?? null,
    organizer: input.organizer,
    attendees: [{ ...input.attendee, rsvp: true }],
  });
  return calendar.toString();
}
