import { renderNotification } from './render-notification';

const vars = {
  lead: { name: 'Jane <b>Doe</b>', company: 'Smith & Sons', email: 'jane@example.test' },
  qualification: { score: 88, reasons: ['quote', '40 seats'] },
  owner: { name: 'Rita Rep' },
};

describe('renderNotification', () => {
  it('fills subject, text and html from one body template', () => {
    const result = renderNotification(
      {
        subject: 'New lead: {{lead.name}} ({{qualification.score}})',
        body: 'Hi {{owner.name}},\n\n{{lead.name}} from {{lead.company}} scored {{qualification.score}}.\nReasons: {{qualification.reasons}}',
      },
      vars,
    );
    expect(result.subject).toBe('New lead: Jane <b>Doe</b> (88)');
    expect(result.text).toBe(
      'Hi Rita Rep,\n\nJane <b>Doe</b> from Smith & Sons scored 88.\nReasons: quote, 40 seats',
    );
    expect(result.html).toBe(
      '<p>Hi Rita Rep,</p>\n<p>Jane &lt;b&gt;Doe&lt;/b&gt; from Smith &amp; Sons scored 88.<br>\nReasons: quote, 40 seats</p>',
    );
  });

  it('escapes the text template itself when it becomes html', () => {
    expect(renderNotification({ body: 'score < 50 & "cold"' }, vars).html).toBe(
      '<p>score &lt; 50 &amp; &quot;cold&quot;</p>',
    );
  });

  it('uses an html template as markup, escaping only the variables', () => {
    const result = renderNotification(
      { body: 'New lead {{lead.name}}', html: '<h1>New lead</h1><p>{{lead.name}}</p>' },
      vars,
    );
    expect(result.html).toBe('<h1>New lead</h1><p>Jane &lt;b&gt;Doe&lt;/b&gt;</p>');
  });

  it('keeps the subject on one line and empty when there is none', () => {
    expect(
      renderNotification(
        { subject: 'Lead:\r\n{{lead.name}}', body: 'x' },
        { lead: { name: 'A\nB' } },
      ).subject,
    ).toBe('Lead: A B');
    expect(renderNotification({ body: 'x' }, vars).subject).toBe('');
  });
});
