import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  apiErrorSchema,
  type CurrentUser,
  type QualificationCorrectionBody,
  qualificationCorrectionSchema,
  type QualificationCorrectionView,
  qualificationCorrectionViewSchema,
} from '@baton/api-contract';
import { CurrentUserParam } from '../../auth/auth.decorators';
import { parseIdempotencyKey } from '../../http/idempotency-key';
import { ApiIdempotencyKeyHeader } from '../../openapi/idempotency-key-header.decorator';
import { QualificationCorrectionService } from './qualification-correction.service';

/** Anyone who sees a lead may say what it really is (hot, warm, cold or spam). */
@ApiTags('leads')
@Controller('api/v1/leads/:id/qualification/corrections')
export class QualificationCorrectionsController {
  constructor(
    @Inject(QualificationCorrectionService)
    private readonly corrections: QualificationCorrectionService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiIdempotencyKeyHeader()
  @ApiResponse({
    status: 201,
    description: 'Stored; the lead page shows the latest correction',
    standardSchema: qualificationCorrectionViewSchema,
  })
  @ApiResponse({
    status: 404,
    description: 'No such lead, or not one you can see',
    standardSchema: apiErrorSchema,
  })
  create(
    @CurrentUserParam() user: CurrentUser,
    @Param('id', { schema: z.uuid('id must be a lead id (uuid)') }) id: string,
    @Body({ schema: qualificationCorrectionSchema }) body: QualificationCorrectionBody,
    @Headers('idempotency-key') key?: string,
  ): Promise<QualificationCorrectionView> {
    return this.corrections.correct(user, id, body, parseIdempotencyKey(key));
  }
}
