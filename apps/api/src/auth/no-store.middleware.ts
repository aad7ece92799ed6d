import type { NextFunction, Request, Response } from 'express';

/**
 * API answers are personal (leads, people, the signed-in user) or secret (new API keys), so no
 * browser or shared cache may keep them: `Cache-Control: no-store` on every /api response.
 * Health checks live outside /api and stay cacheable. Mounted at /api in create-app.ts.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
