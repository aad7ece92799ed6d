import { renderTemplate, templateVariables } from './render-template';

const vars = {
  lead: {
    name: 'Ada <script>alert(1)</script>',
    company: 'Smith & "Sons"',
    customFields: { budget: 12000, tags: ['vip', 'q2'], vip: true, nested: { a: 1 } },
  },
  owner: { name: "O'Neil" },
};

describe('renderTemplate', () => {
  it('fills variables by dotted path, with or without spaces', () => {
    expect(
      renderTemplate('Hi {{owner.name}}, budget {{ lead.customFields.budget }}', vars, {
        escape: 'none',
      }),
    ).toBe("Hi O'Neil, budget 12000");
  });

  it('escapes every value for HTML, but not the template itself', () => {
    expect(
      renderTemplate('<b>{{lead.name}}</b> from {{lead.company}} ({{owner.name}})', vars, {
        escape: 'html',
      }),
    ).toBe(
      '<b>Ada &lt;script&gt;alert(1)&lt;/script&gt;</b> from Smith &amp; &quot;Sons&quot; (O&#39;Neil)',
    );
  });

  it.each([
    ['unknown variable', 'x{{lead.nope}}y', 'xy'],
    ['unknown root', 'x{{secrets.key}}y', 'xy'],
    ['a whole object', 'x{{lead.customFields.nested}}y', 'xy'],
    ['a list', '{{lead.customFields.tags}}', 'vip, q2'],
    ['a boolean', '{{lead.customFields.vip}}', 'yes'],
    [
      'an expression is not evaluated',
      '{{ 1 + 1 }}{{lead.name.length}}{{constructor.constructor}}',
      '',
    ],
    ['prototype access', '{{lead.__proto__}}{{lead.toString}}', ''],
    ['an unclosed brace stays', 'Hi {{lead.name', 'Hi {{lead.name'],
    ['no variables', 'plain text }}', 'plain text }}'],
    ['empty braces', 'a{{}}b', 'ab'],
  ])('%s', (_label, template, expected) => {
    expect(renderTemplate(template, vars, { escape: 'none' })).toBe(expected);
  });

  it('renders long templates in linear time', () => {
    const template = '{{'.repeat(50_000);
    const started = performance.now();
    expect(renderTemplate(template, vars, { escape: 'html' })).toBe(template);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('templateVariables', () => {
  it('lists the variables used, once each', () => {
    expect(templateVariables('{{lead.name}} {{ owner.name }} {{lead.name}} {{ 1+1 }}')).toEqual([
      'lead.name',
      'owner.name',
    ]);
  });
});
