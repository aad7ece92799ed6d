import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type CreateTeam,
  createTeamSchema,
  type CurrentUser,
  type SetTeamMembers,
  setTeamMembersSchema,
  type TeamList,
  teamListSchema,
  type TeamView,
  teamViewSchema,
  type UpdateTeam,
  updateTeamSchema,
} from '@baton/api-contract';
import { idParamSchema } from './people-params';
import { CurrentUserParam, Roles } from '../auth/auth.decorators';
import { TeamReadService } from './team-read.service';
import { TeamWriteService } from './team-write.service';

/** Teams: admins change them, managers may read them. */
@ApiTags('people')
@Controller('api/v1/teams')
export class TeamsController {
  constructor(
    @Inject(TeamReadService) private readonly read: TeamReadService,
    @Inject(TeamWriteService) private readonly write: TeamWriteService,
  ) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiResponse({ status: 200, standardSchema: teamListSchema })
  list(): Promise<TeamList> {
    return this.read.list();
  }

  @Get(':id')
  @Roles('admin', 'manager')
  @ApiResponse({ status: 200, standardSchema: teamViewSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  get(@Param('id', { schema: idParamSchema }) id: string): Promise<TeamView> {
    return this.read.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiResponse({ status: 201, standardSchema: teamViewSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 409, description: 'Name taken', standardSchema: apiErrorSchema })
  create(
    @CurrentUserParam() me: CurrentUser,
    @Body({ schema: createTeamSchema }) body: CreateTeam,
  ): Promise<TeamView> {
    return this.write.create(me, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiResponse({ status: 200, standardSchema: teamViewSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 409, standardSchema: apiErrorSchema })
  update(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
    @Body({ schema: updateTeamSchema }) body: UpdateTeam,
  ): Promise<TeamView> {
    return this.write.update(me, id, body);
  }

  /** Replaces the member list. */
  @Put(':id/members')
  @Roles('admin')
  @ApiResponse({ status: 200, standardSchema: teamViewSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  setMembers(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
    @Body({ schema: setTeamMembersSchema }) body: SetTeamMembers,
  ): Promise<TeamView> {
    return this.write.setMembers(me, id, body.userIds);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 409, description: 'A flow routes to it', standardSchema: apiErrorSchema })
  async remove(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
  ): Promise<void> {
    await this.write.remove(me, id);
  }
}
