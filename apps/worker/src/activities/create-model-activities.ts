import type { ModelActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { qualifyWithModel } from './qualify-with-model.activity';

/** Binds the model task queue's activities to their ports; the model worker registers them. */
export function createModelActivities(ports: ActivityPorts): ModelActivities {
  return { qualifyWithModel: qualifyWithModel(ports) };
}
