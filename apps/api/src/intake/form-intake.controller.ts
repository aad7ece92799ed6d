import { randomUUID } from 'node:crypto';
import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { apiErrorSchema, leadAcceptedSchema, leadIntakeSchema } from '@baton/api-contract';
import { DataSource, SourceEntity } from '@baton/db';
import { Public } from '../auth/auth.decorators';
import { parseIdempotencyKey } from '../http/idempotency-key';
import type { FieldIssue } from '../http/field-issues-error';
import { formToIntake, isHoneypotFilled, withoutHoneypot } from './form-fields';
import { ApiIdempotencyKeyHeader } from '../openapi/idempotency-key-header.decorator';
import { LeadIntakeService } from './lead-intake.service';
import { SourceRateLimiter } from './source-rate-limiter';

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'not a source slug');

/**
 * Public forms: a marketing site posts straight here (urlencoded or JSON). No API key can live
 * in a web page, so the source's allowed origins and a honeypot field stand guard instead; a
 * plain form post is answered with a redirect to the source's thank-you page.
 */
@ApiTags('intake')
@Public()
@Controller('api/v1/intake')
export class FormIntakeController {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(LeadIntakeService) private readonly intake: LeadIntakeService,
    @Inject(SourceRateLimiter) private readonly rateLimiter: SourceRateLimiter,
  ) {}

  @ApiIdempotencyKeyHeader()
  @Post(':sourceSlug')
  @HttpCode(202)
  @ApiOperation({
    requestBody: {
      required: false,
      content: {
        'application/x-www-form-urlencoded': {
          schema: {
            type: 'object',
            description:
              'A flat HTML form: name, email, phone, company, message, externalId, form, campaign, landingPage, referrer and utm_source … utm_content; any other field becomes a custom field',
            additionalProperties: { type: 'string' },
          },
        },
        // The component POST /api/v1/leads registers from leadIntakeSchema: the same shape.
        'application/json': { schema: { $ref: '#/components/schemas/LeadIntake' } },
      },
    },
  })
  @ApiResponse({
    status: 202,
    description: 'Stored; the handoff workflow starts right away',
    standardSchema: leadAcceptedSchema,
  })
  @ApiResponse({
    status: 303,
    description: 'A plain form post to a source with a thank-you page: redirected there',
    headers: { Location: { schema: { type: 'string', format: 'uri' } } },
  })
  @ApiResponse({
    status: 403,
    description:
      'Not from one of the source’s allowed origins, or the source accepts signed requests only',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 404,
    description: 'No active source by that slug',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 422,
    description: 'Idempotency-Key reused with a different body',
    standardSchema: apiErrorSchema,
  })
  @ApiResponse({
    status: 429,
    description: 'Too many form posts from this address; see Retry-After',
    standardSchema: apiErrorSchema,
  })
  async submit(
    @Param('sourceSlug', { schema: slugSchema }) slug: string,
    @Body() body: Record<string, unknown> | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Headers('idempotency-key') key?: string,
  ) {
    const source = await this.db.getRepository(SourceEntity).findOneBy({ slug, active: true });
    if (!source) throw new NotFoundException(`No active source "${slug}"`);
    const origin = req.header('origin') ?? originOf(req.header('referer'));
    if (!origin || !source.allowedOrigins.includes(origin)) {
      throw new ForbiddenException(`Posts to "${slug}" must come from one of its allowed origins`);
    }
    // The poster's budget (per address), never the source's keyed one; bots pay it too.
    await this.rateLimiter.takeForm(source.id, req.ip);
    const form = body ?? {};
    const isForm = req.is('application/x-www-form-urlencoded') !== false;
    const thankYou = source.thankYouUrl;

    // A filled honeypot is a bot: answer exactly as if all went well (an id too, so the answer
    // matches the documented one and tells the bot nothing), store nothing.
    if (isHoneypotFilled(form)) {
      return this.answer(res, isForm, thankYou, { id: randomUUID(), status: 'accepted' });
    }
    const reading = isForm
      ? formToIntake(form)
      : { ok: true as const, intake: withoutHoneypot(form) };
    if (!reading.ok) throw intakeError(reading.issues);
    const parsed = leadIntakeSchema.safeParse(reading.intake);
    if (!parsed.success) {
      throw intakeError(
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    const accepted = await this.intake.accept(source, parsed.data, parseIdempotencyKey(key));
    return this.answer(res, isForm, thankYou, accepted);
  }

  private answer(res: Response, isForm: boolean, thankYou: string | null, body: object) {
    if (isForm && thankYou) {
      res.redirect(303, thankYou);
      return undefined;
    }
    return body;
  }
}

/** Every problem in the message too: a plain form post shows it to a person. */
function intakeError(issues: FieldIssue[]): BadRequestException {
  return new BadRequestException({
    error: 'Bad Request',
    message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    issues,
  });
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
