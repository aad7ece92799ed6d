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
import { loadPlacements, loadViewer } from '../leads/lead-visibility.query';
import { type LeadPlacement, mayView, type Viewer } from '../leads/lead-visibility.rule';
import { DatabaseChangeListener } from './database-change-listener.service';

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
    @Inject(DatabaseChangeListener) listener: DatabaseChangeListener,
  ) {
    this.placed = listener.leadChanges.pipe(
      bufferTime(BATCH_MS),
      map((ids) => [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))]),
      filter((ids) => ids.length > 0),
      concatMap((ids) =>
        defer(() => loadPlacements(this.db, ids)).pipe(
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

  private viewer(user: CurrentUser): Promise<Viewer> {
    const now = Date.now();
    const cached = this.viewers.get(user.id);
    if (cached && cached.until > now) return cached.viewer;
    for (const [id, entry] of this.viewers) if (entry.until <= now) this.viewers.delete(id);
    const viewer = loadViewer(this.db, user);
    this.viewers.set(user.id, { until: now + VIEWER_TTL_MS, viewer });
    // A failed read is not cached: the next batch tries again.
    void viewer.catch(() => {
      if (this.viewers.get(user.id)?.viewer === viewer) this.viewers.delete(user.id);
    });
    return viewer;
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
