import type { DataSource } from '@baton/db';

/** Everything the activities touch from the outside world, injected so tests can supply their own. */
export interface ActivityPorts {
  dataSource: DataSource;
}
