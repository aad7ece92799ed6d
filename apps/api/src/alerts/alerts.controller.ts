import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  type AlertAcknowledgement,
  alertAcknowledgementSchema,
  type AlertList,
  alertListQuerySchema,
  alertListSchema,
  type AlertListQuery,
  alertsAcknowledgedSchema,
  type AlertsAcknowledged,
  type AlertUnreadCount,
  alertUnreadCountSchema,
  apiErrorSchema,
  type CurrentUser,
} from '@baton/api-contract';
import { CurrentUserParam } from '../auth/auth.decorators';
import { AlertsService } from './alerts.service';

/** The signed-in person's own alerts; writes need the CSRF header like every session write. */
@ApiTags('alerts')
@Controller('api/v1/alerts')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  /** Newest first; unread only unless `state=all`. */
  @Get()
  @ApiResponse({ status: 200, standardSchema: alertListSchema })
  list(
    @CurrentUserParam() user: CurrentUser,
    @Query({ schema: alertListQuerySchema }) query: AlertListQuery,
  ): Promise<AlertList> {
    return this.alerts.list(user.id, query);
  }

  @Get('unread-count')
  @ApiResponse({ status: 200, standardSchema: alertUnreadCountSchema })
  async unreadCount(@CurrentUserParam() user: CurrentUser): Promise<AlertUnreadCount> {
    return { unread: await this.alerts.unreadCount(user.id) };
  }

  @Post('acknowledge-all')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: alertsAcknowledgedSchema })
  acknowledgeAll(@CurrentUserParam() user: CurrentUser): Promise<AlertsAcknowledged> {
    return this.alerts.acknowledgeAll(user.id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: alertAcknowledgementSchema })
  @ApiResponse({
    status: 404,
    description: 'No such alert of yours',
    standardSchema: apiErrorSchema,
  })
  acknowledge(
    @CurrentUserParam() user: CurrentUser,
    @Param('id', { schema: z.uuid('id must be an alert id (uuid)') }) id: string,
  ): Promise<AlertAcknowledgement> {
    return this.alerts.acknowledge(user.id, id);
  }
}
