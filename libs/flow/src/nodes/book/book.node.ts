import { z } from 'zod';
import { defineNode } from '../../catalogue/define-node';

export const bookConfigSchema = z.object({
  durationMinutes: z.number().int().min(10).max(240).default(30),
  withinDays: z
    .number()
    .int()
    .min(1)
    .max(30)
    .default(5)
    .describe("Offer slots in the owner's free time this many days ahead"),
  bufferMinutes: z
    .number()
    .int()
    .min(0)
    .max(120)
    .default(10)
    .describe('Minutes kept free before and after every existing booking'),
  title: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .default('Intro call')
    .describe('Template for the invite title'),
});
export type BookConfig = z.output<typeof bookConfigSchema>;

export const bookNode = defineNode({
  type: 'book',
  title: 'Book a meeting',
  description:
    "Offers or creates an appointment in the owner's free time and emails an .ics invite.",
  category: 'messaging',
  configSchema: bookConfigSchema,
  defaultConfig: { durationMinutes: 30, withinDays: 5, bufferMinutes: 10, title: 'Intro call' },
  handles: ['booked', 'failed'],
  available: true,
});
