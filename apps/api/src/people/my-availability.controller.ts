import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type Availability,
  availabilitySchema,
  type CurrentUser,
  type UpdateAvailability,
  updateAvailabilitySchema,
  type UserView,
} from '@baton/api-contract';
import { CurrentUserParam } from '../auth/auth.decorators';
import { UserReadService } from './user-read.service';
import { UserWriteService } from './user-write.service';

const toAvailability = (u: UserView): Availability => ({
  status: u.status,
  outOfOfficeUntil: u.outOfOfficeUntil,
  capacity: u.capacity,
  skills: u.skills,
  territories: u.territories,
  scheduleId: u.scheduleId,
  openLeads: u.openLeads,
  flag: u.flag,
});

/** The signed-in person's own availability: what a rep toggles from the app bar. */
@ApiTags('people')
@Controller('api/v1/me/availability')
export class MyAvailabilityController {
  constructor(
    @Inject(UserReadService) private readonly read: UserReadService,
    @Inject(UserWriteService) private readonly write: UserWriteService,
  ) {}

  @Get()
  @ApiResponse({ status: 200, standardSchema: availabilitySchema })
  async get(@CurrentUserParam() me: CurrentUser): Promise<Availability> {
    return toAvailability(await this.read.get(me.id));
  }

  @Patch()
  @ApiResponse({ status: 200, standardSchema: availabilitySchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  async update(
    @CurrentUserParam() me: CurrentUser,
    @Body({ schema: updateAvailabilitySchema }) body: UpdateAvailability,
  ): Promise<Availability> {
    return toAvailability(await this.write.update(me, me.id, body));
  }
}
