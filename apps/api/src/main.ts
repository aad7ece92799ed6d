import { Logger } from '@nestjs/common';
import { loadApiConfig } from './config/api-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadApiConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('Baton').log(`API listening on http://localhost:${config.PORT} (docs at /api/docs)`);
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE')
    console.error(
      `Port ${process.env['PORT'] ?? 3000} is in use; set PORT=... or stop the other process`,
    );
  else console.error(`API stopped: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
