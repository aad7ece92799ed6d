import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type CurrentUser,
  type ScheduleBody,
  scheduleBodySchema,
  type ScheduleList,
  scheduleListSchema,
  type SchedulePreview,
  type SchedulePreviewQuery,
  schedulePreviewQuerySchema,
  schedulePreviewSchema,
  type ScheduleView,
  scheduleViewSchema,
} from '@baton/api-contract';
import { idParamSchema } from './people-params';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { ScheduleReadService } from './schedule-read.service';
import { ScheduleWriteService } from './schedule-write.service';

/** Working hours (time zone, weekly openings, holidays): admins and managers. */
@ApiTags('people')
@Roles('admin', 'manager')
@Controller('api/v1/schedules')
export class SchedulesController {
  constructor(
    @Inject(ScheduleReadService) private readonly read: ScheduleReadService,
    @Inject(ScheduleWriteService) private readonly write: ScheduleWriteService,
  ) {}

  @Get()
  @ApiResponse({ status: 200, standardSchema: scheduleListSchema })
  list(): Promise<ScheduleList> {
    return this.read.list();
  }

  @Get(':id')
  @ApiResponse({ status: 200, standardSchema: scheduleViewSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  get(@Param('id', { schema: idParamSchema }) id: string): Promise<ScheduleView> {
    return this.read.get(id);
  }

  /** The openings of the 7 days from `from` (default now), for drawing the week. */
  @Get(':id/preview')
  @ApiResponse({ status: 200, standardSchema: schedulePreviewSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  preview(
    @Param('id', { schema: idParamSchema }) id: string,
    @Query({ schema: schedulePreviewQuerySchema }) query: SchedulePreviewQuery,
  ): Promise<SchedulePreview> {
    return this.read.preview(id, query.from ? new Date(query.from) : new Date());
  }

  @Post()
  @ApiResponse({ status: 201, standardSchema: scheduleViewSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  create(
    @CurrentUserParam() me: CurrentUser,
    @Body({ schema: scheduleBodySchema }) body: ScheduleBody,
  ): Promise<ScheduleView> {
    return this.write.create(me, body);
  }

  @Put(':id')
  @ApiResponse({ status: 200, standardSchema: scheduleViewSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  replace(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
    @Body({ schema: scheduleBodySchema }) body: ScheduleBody,
  ): Promise<ScheduleView> {
    return this.write.replace(me, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 409, description: 'Still in use', standardSchema: apiErrorSchema })
  async remove(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
  ): Promise<void> {
    await this.write.remove(me, id);
  }
}
