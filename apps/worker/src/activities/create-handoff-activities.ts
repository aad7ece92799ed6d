import type { HandoffActivities } from '@baton/workflows/contract';
import type { ActivityPorts } from './activity-ports';
import { loadLeadContext } from './load-lead-context.activity';
import { recordEvent } from './record-event.activity';

/** Binds every handoff activity to its ports; the worker registers the result. */
export function createHandoffActivities(ports: ActivityPorts): HandoffActivities {
  return {
    loadLeadContext: loadLeadContext(ports),
    recordEvent: recordEvent(ports),
  };
}
