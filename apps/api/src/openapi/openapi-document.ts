import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addCommonErrorResponses } from './common-error-responses';
import { routeAccessByOperationId } from './route-access';

const info = new DocumentBuilder()
  .setTitle('Baton API')
  .setDescription(
    'Lead intake, leads, flows, people and metrics. Sources authenticate with "Authorization: Bearer <API key>"; people with a session cookie. Every error answer is an ApiError.',
  )
  .setVersion('1')
  .addBearerAuth()
  .build();

/**
 * The OpenAPI document served at /api/docs(-json): what the controllers declare, plus the error
 * answers every route can give (validation, body parsing, authentication), so the document
 * lists every status the API really answers.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return addCommonErrorResponses(
    SwaggerModule.createDocument(app, info),
    routeAccessByOperationId(app),
  );
}
