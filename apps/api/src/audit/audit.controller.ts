import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type AuditPage,
  auditPageSchema,
  type AuditQuery,
  auditQuerySchema,
} from '@baton/api-contract';
import { Roles } from '../auth/auth.decorators';
import { AuditQueryService } from './audit-query.service';

@ApiTags('audit')
@Roles('admin')
@Controller('api/v1/audit')
export class AuditController {
  constructor(@Inject(AuditQueryService) private readonly audit: AuditQueryService) {}

  /** Newest first, by who, what, action and time; page with `before=<nextBefore>`. */
  @Get()
  @ApiResponse({ status: 200, standardSchema: auditPageSchema })
  @ApiResponse({ status: 400, standardSchema: apiErrorSchema })
  list(@Query({ schema: auditQuerySchema }) q: AuditQuery): Promise<AuditPage> {
    return this.audit.list(q);
  }
}
