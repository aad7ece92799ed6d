import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  apiErrorSchema,
  type ChangePassword,
  changePasswordSchema,
  type CreateUser,
  createUserSchema,
  type CurrentUser,
  type UpdateUser,
  updateUserSchema,
  type UserList,
  userListQuerySchema,
  type UserListQuery,
  userListSchema,
  type UserRemoval,
  userRemovalSchema,
  type UserView,
  userViewSchema,
} from '@baton/api-contract';
import { idParamSchema } from './people-params';
import { type AuthenticatedRequest, CurrentUserParam, Roles } from '../auth/auth.decorators';
import { UserPasswordService } from './user-password.service';
import { UserReadService } from './user-read.service';
import { UserWriteService } from './user-write.service';

@ApiTags('people')
@Controller('api/v1/users')
export class UsersController {
  constructor(
    @Inject(UserReadService) private readonly read: UserReadService,
    @Inject(UserWriteService) private readonly write: UserWriteService,
    @Inject(UserPasswordService) private readonly passwords: UserPasswordService,
  ) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiResponse({ status: 200, standardSchema: userListSchema })
  list(@Query({ schema: userListQuerySchema }) query: UserListQuery): Promise<UserList> {
    return this.read.list(query);
  }

  /** Admins and managers see anyone; a rep sees only themself. */
  @Get(':id')
  @ApiResponse({ status: 200, standardSchema: userViewSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  get(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
  ): Promise<UserView> {
    if (me.role === 'rep' && me.id !== id) {
      throw new ForbiddenException({
        error: 'Forbidden',
        message: 'Reps may see only their own profile',
      });
    }
    return this.read.get(id);
  }

  @Post()
  @Roles('admin')
  @ApiResponse({ status: 201, standardSchema: userViewSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 409, description: 'Email taken', standardSchema: apiErrorSchema })
  create(
    @CurrentUserParam() me: CurrentUser,
    @Body({ schema: createUserSchema }) body: CreateUser,
  ): Promise<UserView> {
    return this.write.create(me, body);
  }

  /** Admins: anything. Managers: availability of people in their teams. Everyone: own status/out-of-office. */
  @Patch(':id')
  @ApiResponse({ status: 200, standardSchema: userViewSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 403, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 409, standardSchema: apiErrorSchema })
  update(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
    @Body({ schema: updateUserSchema }) body: UpdateUser,
  ): Promise<UserView> {
    return this.write.update(me, id, body);
  }

  /** An admin for anyone; anyone for themself with `currentPassword`. Ends their other sessions. */
  @Post(':id/password')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: 'Password changed' })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 403,
    description: "Another person's password and not an admin, or the current password is wrong",
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({ status: 404, description: 'No such person', standardSchema: apiErrorSchema })
  @ApiResponse({
    status: 429,
    description:
      'Too many wrong current passwords for this account or from this address; see Retry-After',
    standardSchema: apiErrorSchema,
  })
  async changePassword(
    @CurrentUserParam() me: CurrentUser,
    @Req() req: Request & AuthenticatedRequest,
    @Param('id', { schema: idParamSchema }) id: string,
    @Body({ schema: changePasswordSchema }) body: ChangePassword,
  ): Promise<void> {
    await this.passwords.change(me, { sessionId: req.sessionId, address: req.ip }, id, body);
  }

  /** Deletes a person without history; deactivates anyone with lead or audit history. */
  @Delete(':id')
  @Roles('admin')
  @ApiResponse({ status: 200, standardSchema: userRemovalSchema })
  @ApiResponse({ status: 404, standardSchema: apiErrorSchema })
  @ApiResponse({ status: 409, standardSchema: apiErrorSchema })
  remove(
    @CurrentUserParam() me: CurrentUser,
    @Param('id', { schema: idParamSchema }) id: string,
  ): Promise<UserRemoval> {
    return this.write.remove(me, id);
  }
}
