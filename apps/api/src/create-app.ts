import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { createDataSource, type DataSource } from '@baton/db';
import { AppModule } from './app.module';
import { noStore } from './auth/no-store.middleware';
import type { ApiConfig } from './config/api-config';
import { ApiErrorFilter, bodyParserErrorHandler } from './http/api-error.filter';
import { untrustedTextGuard } from './http/untrusted-text.middleware';
import { createValidationPipe } from './http/validation.pipe';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { serveWebApp } from './web/serve-web-app';

/** Builds the whole HTTP app; main.ts listens, tests use it with supertest. */
export async function createApp(
  config: ApiConfig,
  dataSource?: DataSource,
): Promise<NestExpressApplication> {
  const ds =
    dataSource ??
    createDataSource({
      url: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      applicationName: 'baton-api',
    });
  if (!ds.isInitialized) await ds.initialize();

  const app = await NestFactory.create<NestExpressApplication>(AppModule.create(config, ds), {
    bodyParser: false,
    // Keep the exact request bytes as req.rawBody (useBodyParser honours it): signed intake
    // (X-Baton-Signature) is an HMAC of the raw body.
    rawBody: true,
    logger: config.NODE_ENV === 'test' ? ['error', 'warn'] : ['log', 'error', 'warn'],
  });
  app.set(
    'trust proxy',
    /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY,
  );
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The web app is same-origin; Swagger UI needs its inline bootstrap style.
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
        },
      },
    }),
  );
  app.use(cookieParser());
  app.use('/api', noStore);
  // Leads are small; a 100 kB cap stops abuse early with a clear 413.
  app.useBodyParser('json', { limit: '100kb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '100kb' });
  // Text that cannot be stored exactly as sent gets a 400 naming the field, for every route.
  app.use(untrustedTextGuard);
  app.use(bodyParserErrorHandler);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiErrorFilter());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app));

  if (config.WEB_DIST) serveWebApp(app, config.WEB_DIST);
  return app;
}
