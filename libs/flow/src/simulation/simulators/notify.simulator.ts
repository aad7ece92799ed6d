import { notifyNode, type NotifyConfig } from '../../nodes/notify/notify.node';
import { buildTemplateVars } from '../../templates/template-vars';
import { renderTemplate } from '../../templates/render-template';
import { defineNodeSimulator } from '../node-simulator';
import { findPerson, managerOf, personName } from '../simulation-helpers';
import type { SimulateOptions, SimulationState } from '../simulation.types';

const channelNames: Record<NotifyConfig['channel'], string> = {
  email: 'Email',
  webhook: 'Webhook call',
  in_app: 'In-app alert',
};

function recipient(
  config: NotifyConfig,
  state: SimulationState,
  options: SimulateOptions,
): string | null {
  switch (config.to) {
    case 'owner':
      return state.ownerId ? `the owner, ${personName(options, state.ownerId)}` : null;
    case 'manager': {
      const manager = managerOf(options, state);
      return manager ? `the manager, ${manager.name}` : 'the team manager';
    }
    case 'team': {
      const teamId = state.lastAssign?.teamId;
      const team = options.teams?.find((t) => t.id === teamId);
      return team ? `the team, ${team.name ?? team.id}` : 'the team';
    }
    case 'user':
      return personName(options, config.userId);
    case 'lead': {
      const email = state.facts.lead['email'];
      return typeof email === 'string' && email ? `the lead (${email})` : null;
    }
  }
}

export const notifySimulator = defineNodeSimulator(notifyNode, ({ config, state, options }) => {
  const owner = findPerson(options, state.ownerId);
  const manager = managerOf(options, state);
  const vars = buildTemplateVars({
    facts: state.facts,
    owner: owner ? { id: owner.id, name: owner.name } : null,
    manager: manager ? { id: manager.id, name: manager.name } : null,
  });
  const body = renderTemplate(config.body, vars, { escape: 'none' });
  const subject =
    config.subject === undefined
      ? undefined
      : renderTemplate(config.subject, vars, { escape: 'none' });
  const to =
    config.channel === 'webhook'
      ? (config.url ?? 'the webhook')
      : recipient(config, state, options);
  const message = {
    channel: config.channel,
    to: to ?? 'nobody',
    body,
    ...(subject === undefined ? {} : { subject }),
  };
  const reason =
    to === null
      ? `${channelNames[config.channel]} to the ${config.to} would reach nobody (${config.to === 'lead' ? 'the lead has no email' : 'no owner yet'}).`
      : `${channelNames[config.channel]} to ${to}${subject ? `: "${subject}"` : ''}.`;
  return { handle: 'next', reason, detail: { message } };
});
