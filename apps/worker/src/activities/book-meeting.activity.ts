import { bookConfigSchema, firstFreeSlot, type Schedule } from '@baton/flow';
import { loadSchedules } from '@baton/db';
import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { buildMeetingInvite } from './booking/meeting-invite';
import { appendLeadEvent, findStepEvent } from './support/lead-events';
import { recordAfterDelivery } from './support/record-after-delivery';

interface BookingTarget {
  leadName: string;
  leadEmail: string | null;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  scheduleId: string | null;
}

/**
 * Books the owner's first free slot for the lead and emails both an invite. Answers `failed` (with
 * a visible event) when there is no owner, no lead address or no free time in the window.
 */
export const bookMeeting =
  (ports: ActivityPorts): HandoffActivities['bookMeeting'] =>
  async ({ leadId, stepId, config: rawConfig }) => {
    const config = bookConfigSchema.parse(rawConfig);
    const db = ports.dataSource;
    // A retried step answers what it answered the first time.
    const earlier = await findStepEvent(db, leadId, stepId, ['booked', 'error']);
    if (earlier) return { outcome: earlier.type === 'booked' ? 'booked' : 'failed' };

    const [target] = (await db.query(
      `SELECT l.name AS "leadName", l.email AS "leadEmail", u.id AS "ownerId", u.name AS "ownerName",
              u.email AS "ownerEmail", COALESCE(u.schedule_id, t.schedule_id,
                (SELECT value #>> '{}' FROM settings WHERE key = 'defaultScheduleId')::uuid) AS "scheduleId"
       FROM leads l LEFT JOIN users u ON u.id = l.owner_id LEFT JOIN teams t ON t.id = l.team_id
       WHERE l.id = $1`,
      [leadId],
    )) as BookingTarget[];
    if (!target) throw new Error(`Lead ${leadId} does not exist`);
    const schedule = target.scheduleId ? (await loadSchedules(db))[target.scheduleId] : undefined;
    const problem = !target.ownerId
      ? 'the lead has no owner'
      : !target.leadEmail
        ? 'the lead has no email address'
        : !schedule
          ? 'the owner has no schedule'
          : null;
    if (problem || !schedule || !target.ownerId || !target.leadEmail) {
      return fail(ports, leadId, stepId, problem ?? 'unknown');
    }

    const bookings = (await db.query(
      `SELECT starts_at, ends_at FROM bookings
       WHERE owner_id = $1 AND status <> 'cancelled' AND ends_at > now()`,
      [target.ownerId],
    )) as { starts_at: Date; ends_at: Date }[];
    const slot = firstFreeSlot({
      schedule: schedule as Schedule,
      bookings: bookings.map((b) => ({ start: b.starts_at.getTime(), end: b.ends_at.getTime() })),
      durationMinutes: config.durationMinutes,
      bufferMinutes: config.bufferMinutes,
      withinDays: config.withinDays,
      nowMs: Date.now(),
    });
    if (!slot)
      return fail(ports, leadId, stepId, `no free slot in the next ${config.withinDays} days`);

    const booking = await insertBooking(ports, {
      leadId,
      stepId,
      ownerId: target.ownerId,
      startsAt: new Date(slot.start),
      endsAt: new Date(slot.end),
      title: config.title,
    });
    if (!booking) {
      return fail(ports, leadId, stepId, 'the lead already has an active booking');
    }

    const content = buildMeetingInvite({
      bookingId: booking.id,
      title: config.title,
      startsAt: booking.startsAt,
      endsAt: booking.endsAt,
      organizer: {
        name: target.ownerName ?? 'Baton',
        email: target.ownerEmail ?? 'baton@localhost',
      },
      attendee: { name: target.leadName, email: target.leadEmail },
    });
    const icalEvent = { method: 'REQUEST' as const, content, filename: 'invite.ics' };
    const when = booking.startsAt.toISOString();
    await ports.email.send({
      to: target.leadEmail,
      subject: `${config.title} with ${target.ownerName ?? 'us'}`,
      text: `Your meeting "${config.title}" is booked for ${when}. The calendar invite is attached.`,
      icalEvent,
    });
    if (target.ownerEmail) {
      await ports.email.send({
        to: target.ownerEmail,
        subject: `Booked: ${config.title} with ${target.leadName}`,
        text: `${target.leadName} is booked for ${when}.\n${ports.publicUrl}/leads/${leadId}`,
        icalEvent,
      });
    }
    await recordAfterDelivery(() =>
      appendLeadEvent(db, {
        leadId,
        stepId,
        type: 'booked',
        data: { bookingId: booking.id, startsAt: when, source: 'flow' },
      }),
    );
    return { outcome: 'booked', bookingId: booking.id, startsAt: when };
  };

async function insertBooking(
  ports: ActivityPorts,
  b: {
    leadId: string;
    stepId: string;
    ownerId: string;
    startsAt: Date;
    endsAt: Date;
    title: string;
  },
): Promise<{ id: string; startsAt: Date; endsAt: Date } | null> {
  return ports.dataSource.transaction(async (m) => {
    // A retry after the insert but before the event finds its own booking.
    const [mine] = (await m.query(
      `SELECT id, starts_at, ends_at FROM bookings WHERE lead_id = $1 AND step_id = $2 AND status <> 'cancelled'`,
      [b.leadId, b.stepId],
    )) as { id: string; starts_at: Date; ends_at: Date }[];
    if (mine) return { id: mine.id, startsAt: mine.starts_at, endsAt: mine.ends_at };
    const rows = (await m.query(
      `INSERT INTO bookings (lead_id, owner_id, starts_at, ends_at, title, source, step_id)
       VALUES ($1, $2, $3, $4, $5, 'flow', $6)
       ON CONFLICT (lead_id) WHERE status <> 'cancelled' DO NOTHING
       RETURNING id, starts_at, ends_at`,
      [b.leadId, b.ownerId, b.startsAt, b.endsAt, b.title, b.stepId],
    )) as { id: string; starts_at: Date; ends_at: Date }[];
    const row = rows[0];
    if (!row) return null;
    // Converted leads count in the metrics by status.
    await m.query(`UPDATE leads SET status = 'booked' WHERE id = $1`, [b.leadId]);
    return { id: row.id, startsAt: row.starts_at, endsAt: row.ends_at };
  });
}

async function fail(
  ports: ActivityPorts,
  leadId: string,
  stepId: string,
  reason: string,
): Promise<{ outcome: 'failed'; reason: string }> {
  await appendLeadEvent(ports.dataSource, {
    leadId,
    stepId,
    type: 'error',
    data: { step: 'book', reason },
  });
  return { outcome: 'failed', reason };
}
