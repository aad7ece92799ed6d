import { definePlugin } from '@baton/activity-sdk';
import { crmUpsert } from './crm-upsert.activity';

export { crmUpsert, externalIdFor } from './crm-upsert.activity';

export const plugin = definePlugin({
  name: '@baton/plugin-crm-upsert',
  version: '0.1.0',
  activities: [crmUpsert],
});

export default plugin;
