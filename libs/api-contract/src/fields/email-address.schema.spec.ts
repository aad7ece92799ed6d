import { emailAddressSchema } from './email-address.schema';

describe('emailAddressSchema', () => {
  it('accepts ordinary addresses, plus signs, apostrophes and subdomains', () => {
    for (const address of ['ana@example.com', "o'neil+leads@mail.dental.co.uk", 'a.b-c_d@x.io']) {
      expect(emailAddressSchema.safeParse(address).success).toBe(true);
    }
  });

  it('accepts the limits exactly: 64 before the @ and a 63-character label', () => {
    const address = `${'a'.repeat(64)}@${'b'.repeat(63)}.com`;
    expect(emailAddressSchema.parse(address)).toBe(address);
  });

  it.each([
    ['a local part over 64 characters', `${'a'.repeat(65)}@example.com`, 'before the @'],
    ['a domain label over 63 characters', `ana@${'b'.repeat(64)}.com`, 'domain parts'],
    ['more than 254 characters', `ana@${`${'b'.repeat(60)}.`.repeat(5)}com`, '254'],
    ['no @ at all', 'ana.example.com', 'valid address'],
  ])('rejects %s and says why', (_label, address, reason) => {
    const result = emailAddressSchema.safeParse(address);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join('; ')).toContain(reason);
  });
});
