import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { addCommonErrorResponses } from './common-error-responses';
import { routeAccessByOperationId } from './route-access';
import {
  addSecurityRequirements,
  PERSONAL_API_TOKEN_SCHEME,
  SESSION_SCHEME,
} from './security-requirements';

const info = new DocumentBuilder()
  .setTitle('Baton API')
  .setDescription(
    'Lead intake, leads, flows, people and metrics. Sources authenticate with "Authorization: Bearer <source API key>"; people with a session cookie, or from scripts with a personal API token ("Authorization: Bearer baton_pat_…", created under API tokens in the web app), which acts with the person\'s current role. Every error answer is an ApiError.',
  )
  .setVersion('1')
  .addBearerAuth()
  .addBearerAuth(
    {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'baton_pat_…',
      description:
        'A personal API token: acts as its person, with their current role. Needs no X-CSRF-Token. Create one under API tokens in the web app (or POST /api/v1/me/tokens while signed in).',
    },
    PERSONAL_API_TOKEN_SCHEME,
  )
  .addCookieAuth(
    'baton_session',
    {
      type: 'apiKey',
      in: 'cookie',
      description: "The web app's session; writes also need X-CSRF-Token",
    },
    SESSION_SCHEME,
  )
  .build();

/**
 * The OpenAPI document served at /api/docs(-json): what the controllers declare, plus the error
 * answers every route can give (validation, body parsing, authentication), so the document
 * lists every status the API really answers.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const access = routeAccessByOperationId(app);
  return addSecurityRequirements(
    addCommonErrorResponses(SwaggerModule.createDocument(app, info), access),
    access,
  );
}
