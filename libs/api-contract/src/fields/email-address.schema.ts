import { z } from 'zod';

/**
 * One email address rule for every body that takes one (leads, simulations, people, sign-in).
 * zod's pattern checks the characters; RFC 5321's size limits (64 before the @, 63 per domain
 * label, 254 in all) are checked too, so an address the API accepts is one every mail server
 * and every OpenAPI "email" validator accepts back in the response.
 */
export const emailAddressSchema = z
  .email('email must be a valid address')
  .max(254, 'email must be at most 254 characters')
  .refine((address) => address.slice(0, address.lastIndexOf('@')).length <= 64, {
    message: 'email must have at most 64 characters before the @',
  })
  .refine(
    (address) =>
      address
        .slice(address.lastIndexOf('@') + 1)
        .split('.')
        .every((label) => label.length <= 63),
    { message: 'email domain parts must be at most 63 characters each' },
  );
