import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const NOT_SPA = /^\/(api|health|metrics)(\/|$)/;

/** Serves the built web app, with client-side routes falling back to index.html. */
export function serveWebApp(app: NestExpressApplication, webDist: string): boolean {
  const root = resolve(webDist);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(root, { index: false, maxAge: '1h', setHeaders: noCacheForHtml });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || NOT_SPA.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}

function noCacheForHtml(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
