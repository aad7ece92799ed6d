import { nodeConfigJsonSchema } from '../../catalogue/describe-catalogue';
import { waitForContactConfigSchema, waitForContactNode } from './wait-for-contact.node';

describe('the wait_for_contact node config', () => {
  it('keeps saved flows waiting for contact: endOn defaults to contact', () => {
    expect(waitForContactConfigSchema.parse({ sla: { minutes: 15 } }).endOn).toBe('contact');
    expect(waitForContactConfigSchema.parse(waitForContactNode.defaultConfig).endOn).toBe(
      'contact',
    );
  });

  it('can end on a claim', () => {
    expect(waitForContactConfigSchema.parse({ sla: { minutes: 15 }, endOn: 'claim' }).endOn).toBe(
      'claim',
    );
  });

  it('names the endOn field when its value is unknown', () => {
    const result = waitForContactConfigSchema.safeParse({ sla: { minutes: 15 }, endOn: 'booked' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['endOn']);
  });

  it('offers endOn in the canvas form, with both choices and a description', () => {
    const schema = nodeConfigJsonSchema(waitForContactNode) as {
      properties: Record<string, { enum?: string[]; default?: string; description?: string }>;
      required?: string[];
    };
    const endOn = schema.properties['endOn'];
    expect(endOn?.enum).toEqual(['contact', 'claim']);
    expect(endOn?.default).toBe('contact');
    expect(endOn?.description).toMatch(/claim/);
    expect(schema.required ?? []).not.toContain('endOn');
  });

  it('leaves by the same handles whatever it ends on', () => {
    expect(
      waitForContactNode.handles(
        waitForContactConfigSchema.parse({ sla: { minutes: 15 }, endOn: 'claim' }),
      ),
    ).toEqual(['contacted', 'breached']);
  });
});
