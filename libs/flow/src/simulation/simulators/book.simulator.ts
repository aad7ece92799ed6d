import { bookNode } from '../../nodes/book/book.node';
import { defineNodeSimulator } from '../node-simulator';

export const bookSimulator = defineNodeSimulator(bookNode, ({ config }) => ({
  handle: 'booked',
  reason: `Assumes the owner has a free ${config.durationMinutes}-minute slot within ${config.withinDays} days, so the simulation takes "booked".`,
}));
