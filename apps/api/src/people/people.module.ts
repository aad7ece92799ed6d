import { Module } from '@nestjs/common';
import { MyAvailabilityController } from './my-availability.controller';
import { ScheduleReadService } from './schedule-read.service';
import { ScheduleWriteService } from './schedule-write.service';
import { SchedulesController } from './schedules.controller';
import { SourceKeysService } from './source-keys.service';
import { SourceReadService } from './source-read.service';
import { SourceWriteService } from './source-write.service';
import { SourcesController } from './sources.controller';
import { TeamReadService } from './team-read.service';
import { TeamWriteService } from './team-write.service';
import { TeamsController } from './teams.controller';
import { UserPasswordService } from './user-password.service';
import { UserReadService } from './user-read.service';
import { UserWriteService } from './user-write.service';
import { UsersController } from './users.controller';

/** Users, teams, schedules and sources (with their API keys). */
@Module({
  controllers: [
    UsersController,
    MyAvailabilityController,
    TeamsController,
    SchedulesController,
    SourcesController,
  ],
  providers: [
    UserReadService,
    UserWriteService,
    UserPasswordService,
    TeamReadService,
    TeamWriteService,
    ScheduleReadService,
    ScheduleWriteService,
    SourceReadService,
    SourceWriteService,
    SourceKeysService,
  ],
  exports: [UserReadService, UserWriteService],
})
export class PeopleModule {}
