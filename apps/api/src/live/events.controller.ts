import {
  alertStreamEventName,
  type CurrentUser,
  type LeadStreamEvent,
  type LeadStreamEventName,
} from '@baton/api-contract';
import { Controller, Inject, type MessageEvent, Sse } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { concatMap, interval, map, merge, type Observable } from 'rxjs';
import { CurrentUserParam } from '../auth/auth.decorators';
import { LiveAlertFeed } from './live-alert-feed.service';
import { LiveLeadFeed } from './live-lead-feed.service';

@ApiTags('live')
@Controller('api/v1/events')
export class EventsController {
  constructor(
    @Inject(LiveLeadFeed) private readonly feed: LiveLeadFeed,
    @Inject(LiveAlertFeed) private readonly alerts: LiveAlertFeed,
  ) {}

  /**
   * Server-sent events: `lead.updated` with {leadId}, only for leads the signed-in person may see;
   * `alert` with {alert, unread} when one of their own alerts is new or acknowledged; a heartbeat
   * keeps proxies from closing it.
   */
  @Sse()
  stream(@CurrentUserParam() user: CurrentUser): Observable<MessageEvent> {
    return merge(
      this.feed.visibleTo(user).pipe(
        concatMap((leadIds) => leadIds),
        map((leadId): MessageEvent => {
          const data: LeadStreamEvent = { leadId };
          return { type: 'lead.updated' satisfies LeadStreamEventName, data };
        }),
      ),
      this.alerts
        .eventsFor(user.id)
        .pipe(map((data): MessageEvent => ({ type: alertStreamEventName, data }))),
      interval(25_000).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} }))),
    );
  }
}
