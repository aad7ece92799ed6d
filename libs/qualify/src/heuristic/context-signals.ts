import type { QualifyInput } from '../qualify-input';
import type { Signal } from './signal';
import { clipText } from '@baton/text';

const salesPage = /pricing|quote|demo|contact[-_ ]?sales|buy|trial/i;

/** Where the lead came from: a pricing page or a demo form says more than a newsletter box. */
export function contextSignals(input: QualifyInput): Signal[] {
  const { form, landingPage } = input.context;
  if (form && salesPage.test(form))
    return [{ points: 5, reason: `sent from a sales form (${clipText(form, 60)})` }];
  if (landingPage && salesPage.test(landingPage))
    return [{ points: 5, reason: 'came from a pricing or demo page' }];
  return [];
}
