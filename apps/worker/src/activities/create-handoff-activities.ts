import type { HandoffActivities } from '@baton/workflows/contract';
import { acknowledgeLead } from './acknowledge-lead.activity';
import type { ActivityPorts } from './activity-ports';
import { assignLead } from './assign-lead.activity';
import { bookMeeting } from './book-meeting.activity';
import { callWebhook } from './call-webhook.activity';
import { escalate } from './escalate.activity';
import { finishLead } from './finish-lead.activity';
import { loadHandoffStart } from './load-handoff-start.activity';
import { loadLeadContext } from './load-lead-context.activity';
import { notify } from './notify.activity';
import {
  addNote,
  claimLead,
  disqualifyLead,
  markContacted,
  reassignLead,
} from './people-actions.activities';
import { qualifyLead } from './qualify-lead.activity';
import { qualifyWithHeuristic } from './qualify-with-heuristic.activity';
import { recordEvent } from './record-event.activity';
import { recordBreach, remindOwner, startSla } from './sla.activities';
import { runCustomActivity } from '../plugins/run-custom-activity.activity';

/** Binds every handoff activity to its ports; the worker registers the result. */
export function createHandoffActivities(ports: ActivityPorts): HandoffActivities {
  return {
    loadLeadContext: loadLeadContext(ports),
    loadHandoffStart: loadHandoffStart(ports),
    recordEvent: recordEvent(ports),
    qualifyLead: qualifyLead(ports),
    qualifyWithHeuristic: qualifyWithHeuristic(ports),
    assignLead: assignLead(ports),
    notify: notify(ports),
    callWebhook: callWebhook(ports),
    bookMeeting: bookMeeting(ports),
    runCustomActivity: runCustomActivity({
      dataSource: ports.dataSource,
      plugins: ports.plugins ?? new Map(),
      secrets: ports.secrets,
      http: ports.pluginHttp ?? { allowPrivateNetworks: false, timeoutMs: 10_000 },
    }),
    startSla: startSla(ports),
    remindOwner: remindOwner(ports),
    recordBreach: recordBreach(ports),
    escalate: escalate(ports),
    finishLead: finishLead(ports),
    markContacted: markContacted(ports),
    claimLead: claimLead(ports),
    acknowledgeLead: acknowledgeLead(ports),
    reassignLead: reassignLead(ports),
    disqualifyLead: disqualifyLead(ports),
    addNote: addNote(ports),
  };
}
