import { definePlugin } from '@baton/activity-sdk';
import { slackMessage } from './slack-message.activity';

export { slackMessage, slackBlocks } from './slack-message.activity';
export { escapeSlackText, escapeSlackMrkdwn } from './slack-escape';

export const plugin = definePlugin({
  name: '@baton/plugin-slack',
  version: '0.1.0',
  activities: [slackMessage],
});

export default plugin;
