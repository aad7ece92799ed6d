import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AlertStreamEvent } from '@baton/api-contract';
import {
  bufferTime,
  catchError,
  concatMap,
  defer,
  EMPTY,
  filter,
  map,
  type Observable,
  share,
} from 'rxjs';
import { AlertsService } from '../alerts/alerts.service';
import type { AlertChange } from './alert-change';
import { DatabaseChangeListener } from './database-change-listener.service';

/** Changes are gathered this long, so a burst costs each listening person one read. */
const BATCH_MS = 100;
/** More changes than this for one person in one batch (acknowledge all) send one "reload" event. */
export const MAX_ALERTS_PER_BATCH = 20;

/**
 * Each person's alert events, only of their own alerts: the alert as it is now and their unread
 * count. Only people with an open stream cost a read, and only when their alerts change.
 */
@Injectable()
export class LiveAlertFeed {
  private readonly logger = new Logger(LiveAlertFeed.name);
  private readonly batches: Observable<Map<string, string[]>>;

  constructor(
    @Inject(DatabaseChangeListener) listener: DatabaseChangeListener,
    @Inject(AlertsService) private readonly alerts: AlertsService,
  ) {
    this.batches = listener.alertChanges.pipe(
      bufferTime(BATCH_MS),
      filter((changes) => changes.length > 0),
      map(byUser),
      share(),
    );
  }

  /** Events for this person, in the order their alerts changed. */
  eventsFor(userId: string): Observable<AlertStreamEvent> {
    return this.batches.pipe(
      map((batch) => batch.get(userId)),
      filter((ids): ids is string[] => ids !== undefined),
      concatMap((ids) =>
        defer(() => this.read(userId, ids)).pipe(
          catchError((err: unknown) => {
            this.logger.warn(
              `Live alerts for ${userId} skipped ${ids.length} change(s): ${err instanceof Error ? err.message : String(err)}`,
            );
            return EMPTY;
          }),
        ),
      ),
      concatMap((events) => events),
    );
  }

  private async read(userId: string, ids: string[]): Promise<AlertStreamEvent[]> {
    const unread = await this.alerts.unreadCount(userId);
    if (ids.length > MAX_ALERTS_PER_BATCH) return [{ alert: null, unread }];
    const alerts = await this.alerts.load(userId, ids);
    return alerts.map((alert) => ({ alert, unread }));
  }
}

/** Each person's changed alert ids, once each, in order. */
function byUser(changes: AlertChange[]): Map<string, string[]> {
  const batch = new Map<string, string[]>();
  for (const { userId, alertId } of changes) {
    const ids = batch.get(userId) ?? [];
    if (!ids.includes(alertId)) ids.push(alertId);
    batch.set(userId, ids);
  }
  return batch;
}
