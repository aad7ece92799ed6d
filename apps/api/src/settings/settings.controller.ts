import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type CurrentUser,
  type Settings,
  settingsSchema,
  type UpdateSettings,
  updateSettingsSchema,
} from '@baton/api-contract';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { SettingsService } from './settings.service';

@ApiTags('settings')
@Controller('api/v1/settings')
export class SettingsController {
  constructor(@Inject(SettingsService) private readonly settings: SettingsService) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiResponse({ status: 200, standardSchema: settingsSchema })
  get(): Promise<Settings> {
    return this.settings.get();
  }

  @Patch()
  @Roles('admin')
  @ApiResponse({ status: 200, standardSchema: settingsSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  update(
    @CurrentUserParam() me: CurrentUser,
    @Body({ schema: updateSettingsSchema }) body: UpdateSettings,
  ): Promise<Settings> {
    return this.settings.update(me, body);
  }
}
