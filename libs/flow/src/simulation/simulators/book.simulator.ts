import { bookNode } from '../../nodes/book/book.node';
import { defineNodeSimulator } from '../node-simulator';

export const bookSimulator = defineNodeSimulator(bookNode, () => ({
  handle: 'failed',
  reason: 'Booking is not available yet, so the simulation takes "failed".',
}));
