import { Body, Controller, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  type LeadAccepted,
  leadAcceptedSchema,
  type LeadIntake,
  leadIntakeSchema,
} from '@baton/api-contract';
import type { SourceEntity } from '@baton/db';
import { CurrentSource, SourceKeyAuth } from '../auth/auth.decorators';
import { parseIdempotencyKey } from '../http/idempotency-key';
import { ApiIdempotencyKeyHeader } from '../openapi/idempotency-key-header.decorator';
import { LeadIntakeService } from './lead-intake.service';
import { SIGNATURE_TOLERANCE_SECONDS, type SignedIntakeRequest } from './request-signature';
import { SourceRateLimiter } from './source-rate-limiter';

@ApiTags('intake')
@ApiBearerAuth()
@Controller('api/v1/leads')
export class IntakeController {
  constructor(
    @Inject(LeadIntakeService) private readonly intake: LeadIntakeService,
    @Inject(SourceRateLimiter) private readonly rateLimiter: SourceRateLimiter,
  ) {}

  @ApiIdempotencyKeyHeader()
  @SourceKeyAuth()
  @Post()
  @HttpCode(202)
  @ApiResponse({
    status: 202,
    description: 'Stored; the handoff workflow starts right away',
    standardSchema: leadAcceptedSchema,
  })
  @ApiResponse({
    status: 400,
    description: 'Invalid body: each field and the reason',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 401,
    description: `Missing or unknown source API key; for a source that requires signing, X-Baton-Signature missing, malformed, not matching, outside ±${SIGNATURE_TOLERANCE_SECONDS} s or already received`,
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 503,
    description: 'The source requires signing but the server has no BATON_SIGNING_KEY',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 422,
    description: 'Idempotency-Key reused with a different body',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 429,
    description: 'Too many leads from this source; see Retry-After',
    standardSchema: apiErrorSchema,
  })
  async create(
    @CurrentSource() source: SourceEntity,
    @Body({ schema: leadIntakeSchema }) body: LeadIntake,
    @Req() req: SignedIntakeRequest,
    @Headers('idempotency-key') key?: string,
  ): Promise<LeadAccepted> {
    await this.rateLimiter.takeKeyed(source.id);
    return this.intake.accept(
      source,
      body,
      parseIdempotencyKey(key),
      undefined,
      req.verifiedSignature,
    );
  }
}
