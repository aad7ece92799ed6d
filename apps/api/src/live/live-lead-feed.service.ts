import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CurrentUser } from '@baton/api-contract';
import { DataSource } from '@baton/db';
import {
  bufferTime,
  catchError,
  concatMap,
  defer,
  EMPTY,
  filter,
  map,
  type Observable,
  share,
} from 'rxjs';
import { LeadChangeListener } from './lead-change-listener.service';
import { type LeadPlacement, mayView, type Viewer } from './lead-visibility';

/** Changes are gathered this long, so a burst costs one placement query, not one per change. */
const BATCH_MS = 100;
/** A person's teams are re-read this often: a team change shows in live updates within it. */
const VIEWER_TTL_MS = 30_000;
/** Leads a stream remembers having named (see visibleTo). */
const NAMED_PER_STREAM = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Lead changes for each signed-in person, only of the leads they may see. Where every changed
 * lead sits is read once per batch for all streams; each person's teams come from a short cache.
 * So the database work grows with the changes and the people, never with their product.
 */
@Injectable()
export class LiveLeadFeed {
  private readonly logger = new Logger(LiveLeadFeed.name);
  private readonly viewers = new Map<string, { until: number; viewer: Promise<Viewer> }>();
  private readonly placed: Observable<LeadPlacement[]>;

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(LeadChangeListener) listener: LeadChangeListener,
  ) {
    this.placed = listener.changes.pipe(
      bufferTime(BATCH_MS),
      map((ids) => [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))]),
      filter((ids) => ids.length > 0),
      concatMap((ids) =>
        defer(() => this.placements(ids)).pipe(
          catchError((err: unknown) => {
            this.logger.warn(`Live updates skipped ${ids.length} change(s): ${errorText(err)}`);
            return EMPTY;
          }),
        ),
      ),
      share(),
    );
  }

  /**
   * Ids of changed leads this person may see, a batch at a time. A lead this stream has already
   * named keeps coming after it moves out of sight (reassigned to another team), so the page can
   * drop it: the id is no news to them.
   */
  visibleTo(user: CurrentUser): Observable<string[]> {
    return defer(() => {
      const named = new Set<string>();
      return this.placed.pipe(
        concatMap((leads) =>
          defer(async () => {
            const viewer = await this.viewer(user);
            const ids = leads
              .filter((lead) => named.has(lead.id) || mayView(viewer, lead))
              .map((lead) => lead.id);
            for (const id of ids) remember(named, id);
            return ids;
          }).pipe(
            catchError((err: unknown) => {
              this.logger.warn(`Live updates for ${user.id} skipped a batch: ${errorText(err)}`);
              return EMPTY;
            }),
          ),
        ),
        filter((ids) => ids.length > 0),
      );
    });
  }

  private async placements(ids: string[]): Promise<LeadPlacement[]> {
    const rows: {
      id: string;
      owner_id: string | null;
      team_id: string | null;
      owner_team_ids: string[];
    }[] = await this.db.query(
      `SELECT l.id, l.owner_id, l.team_id,
              coalesce((SELECT array_agg(team_id) FROM team_members WHERE user_id = l.owner_id), '{}') AS owner_team_ids
       FROM leads l WHERE l.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    // In the order the changes came, which is the order streams send them.
    return ids.flatMap((id) => {
      const r = byId.get(id);
      return r
        ? [{ id, ownerId: r.owner_id, teamId: r.team_id, ownerTeamIds: r.owner_team_ids }]
        : [];
    });
  }

  private viewer(user: CurrentUser): Promise<Viewer> {
    const now = Date.now();
    const cached = this.viewers.get(user.id);
    if (cached && cached.until > now) return cached.viewer;
    for (const [id, entry] of this.viewers) if (entry.until <= now) this.viewers.delete(id);
    const viewer = this.loadViewer(user);
    this.viewers.set(user.id, { until: now + VIEWER_TTL_MS, viewer });
    // A failed read is not cached: the next batch tries again.
    void viewer.catch(() => {
      if (this.viewers.get(user.id)?.viewer === viewer) this.viewers.delete(user.id);
    });
    return viewer;
  }

  private async loadViewer(user: CurrentUser): Promise<Viewer> {
    if (user.role === 'admin') {
      return { id: user.id, role: user.role, memberOf: new Set(), manages: new Set() };
    }
    const [row]: { member_of: string[]; manages: string[] }[] = await this.db.query(
      `SELECT array(SELECT team_id FROM team_members WHERE user_id = $1) AS member_of,
              array(SELECT id FROM teams WHERE manager_id = $1) AS manages`,
      [user.id],
    );
    return {
      id: user.id,
      role: user.role,
      memberOf: new Set(row?.member_of ?? []),
      manages: new Set(row?.manages ?? []),
    };
  }
}

/** Keeps the most recent ids only, so a stream open for weeks does not grow without bound. */
function remember(named: Set<string>, id: string): void {
  named.delete(id);
  named.add(id);
  if (named.size > NAMED_PER_STREAM) {
    const oldest = named.values().next();
    if (!oldest.done) named.delete(oldest.value);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
