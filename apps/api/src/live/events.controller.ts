import type { LeadStreamEvent, LeadStreamEventName } from '@baton/api-contract';
import { Controller, Inject, type MessageEvent, Sse } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { interval, map, merge, type Observable } from 'rxjs';
import { LeadChangeListener } from './lead-change-listener.service';

@ApiTags('live')
@Controller('api/v1/events')
export class EventsController {
  constructor(@Inject(LeadChangeListener) private readonly listener: LeadChangeListener) {}

  /** Server-sent events: `lead.updated` with {leadId}; a heartbeat keeps proxies from closing it. */
  @Sse()
  stream(): Observable<MessageEvent> {
    return merge(
      this.listener.changes.pipe(
        map((leadId): MessageEvent => {
          const data: LeadStreamEvent = { leadId };
          return { type: 'lead.updated' satisfies LeadStreamEventName, data };
        }),
      ),
      interval(25_000).pipe(map((): MessageEvent => ({ type: 'heartbeat', data: {} }))),
    );
  }
}
