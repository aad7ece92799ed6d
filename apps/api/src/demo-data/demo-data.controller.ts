import { Controller, Delete, Get, HttpCode, Inject } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type CurrentUser,
  type DemoData,
  demoDataRemovedSchema,
  type DemoDataRemoved,
  demoDataSchema,
} from '@baton/api-contract';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { DemoDataService } from './demo-data.service';

/** The demo's sample history. Only admins see it counted and may remove it. */
@ApiTags('settings')
@Roles('admin')
@Controller('api/v1/demo-data')
export class DemoDataController {
  constructor(@Inject(DemoDataService) private readonly demo: DemoDataService) {}

  @Get()
  @ApiResponse({ status: 200, standardSchema: demoDataSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  status(): Promise<DemoData> {
    return this.demo.status();
  }

  /** Removes every sample lead with its timeline (audited); real leads stay. Idempotent. */
  @Delete()
  @HttpCode(200)
  @ApiResponse({ status: 200, standardSchema: demoDataRemovedSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  remove(@CurrentUserParam() me: CurrentUser): Promise<DemoDataRemoved> {
    return this.demo.remove(me);
  }
}
