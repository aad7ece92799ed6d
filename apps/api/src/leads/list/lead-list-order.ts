import { z } from 'zod';
import type { LeadSort } from '@baton/api-contract';
import { fieldIssuesError } from '../../http/field-issues-error';
import type { SqlParams } from '../../metrics/queries/sql-query';

/** The qualification score as a number, or null (missing or not a number: never a cast error). */
export const SCORE_SQL = `(CASE WHEN jsonb_typeof(l.qualification -> 'score') = 'number'
  THEN (l.qualification ->> 'score')::float8 END)`;

const MICROSECOND_TEXT = (expr: string) =>
  `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A lead with no SLA sorts after every deadline. */
const NO_DEADLINE = `'9999-12-31T00:00:00Z'::timestamptz`;

interface Order {
  /** The sort key over `leads l`; ties are broken by id in the same direction. */
  key: string;
  /** The key as the cursor carries it (timestamps as text, to the microsecond). */
  cursorKey: string;
  type: 'timestamptz' | 'float8';
  direction: 'ASC' | 'DESC';
}

const ORDERS: Record<LeadSort, Order> = {
  received: {
    key: 'l.received_at',
    cursorKey: MICROSECOND_TEXT('l.received_at'),
    type: 'timestamptz',
    direction: 'DESC',
  },
  score: {
    key: `coalesce(${SCORE_SQL}, -1)`,
    cursorKey: `coalesce(${SCORE_SQL}, -1)`,
    type: 'float8',
    direction: 'DESC',
  },
  sla_due: {
    key: `coalesce(l.sla_due_at, ${NO_DEADLINE})`,
    cursorKey: MICROSECOND_TEXT(`coalesce(l.sla_due_at, ${NO_DEADLINE})`),
    type: 'timestamptz',
    direction: 'ASC',
  },
};

const cursorSchema = z.tuple([z.union([z.iso.datetime(), z.number().finite()]), z.guid()]);

export interface LeadCursorRow {
  id: string;
  cursor_key: string | number;
}

/**
 * Keyset paging over any of the inbox's sorts: the cursor is the last row's (key, id), so pages
 * stay stable while new leads arrive. Opaque to clients (base64url JSON).
 */
export class LeadListOrder {
  private readonly order: Order;

  constructor(sort: LeadSort) {
    this.order = ORDERS[sort];
  }

  get cursorColumn(): string {
    return `${this.order.cursorKey} AS cursor_key`;
  }

  get orderBy(): string {
    const { key, direction } = this.order;
    return `ORDER BY ${key} ${direction}, l.id ${direction}`;
  }

  /** The condition "after this cursor", or a 400 naming `cursor` for one this API did not give. */
  after(raw: string, p: SqlParams): string {
    let parsed: z.infer<typeof cursorSchema> | undefined;
    try {
      const result = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString()));
      parsed = result.success ? result.data : undefined;
    } catch {
      parsed = undefined;
    }
    const [key, id] = parsed ?? [];
    const typeFits =
      this.order.type === 'float8'
        ? typeof key === 'number'
        : typeof key === 'string' && !key.startsWith('0000');
    if (key === undefined || id === undefined || !typeFits) {
      throw fieldIssuesError([{ path: 'cursor', message: 'not a cursor this API returned' }]);
    }
    const op = this.order.direction === 'DESC' ? '<' : '>';
    return `(${this.order.key}, l.id) ${op} (${p.add(key, this.order.type)}, ${p.add(id, 'uuid')})`;
  }

  nextCursor(last: LeadCursorRow): string {
    return Buffer.from(JSON.stringify([last.cursor_key, last.id])).toString('base64url');
  }
}
