import type { UpdateFlow } from '@baton/api-contract';
import { errorMessage, isApiRequestError } from '../../api/api-request-error';
import type { FlowDraftView } from './flows.api';

export type SaveStatus =
  | { kind: 'saved' }
  /** Changes waiting for the pause in editing that saves them. */
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  /** Someone else saved the draft since it was loaded: nothing more is saved until a reload. */
  | { kind: 'conflict'; message: string };

export interface DraftSaverOptions {
  save(patch: UpdateFlow, etag: string | null): Promise<FlowDraftView>;
  onSaved(flow: FlowDraftView): void;
  onStatus(status: SaveStatus): void;
  /** The pause after the last change before it is saved. */
  delayMs: number;
}

/**
 * Saves the draft a moment after editing stops, one request at a time, each carrying the ETag
 * the previous one returned: changes made while a save is under way go in the next one, and a
 * 409 stops saving (the page offers a reload) rather than overwrite someone else's work.
 */
export class DraftSaver {
  private pending: UpdateFlow = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private status: SaveStatus = { kind: 'saved' };
  private stopped = false;

  constructor(
    private readonly options: DraftSaverOptions,
    private etag: string | null,
  ) {}

  get current(): SaveStatus {
    return this.status;
  }

  /** Queues a change (later fields win) and saves it after the pause. */
  schedule(patch: UpdateFlow): void {
    this.pending = { ...this.pending, ...patch };
    if (this.status.kind === 'conflict') return;
    this.setStatus({ kind: this.inFlight ? 'saving' : 'unsaved' });
    this.restartTimer();
  }

  /** Saves whatever is queued now; true once everything is saved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (!this.stopped) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      if (this.status.kind === 'conflict') return false;
      if (!hasChanges(this.pending)) return this.status.kind === 'saved';
      this.inFlight = this.send();
      await this.inFlight;
      if (this.status.kind === 'error') return false;
    }
    return false;
  }

  /** After an error: try the queued changes again. */
  retry(): void {
    if (this.status.kind === 'conflict') return;
    void this.flush();
  }

  /** The ETag the next save will send (for a publish of exactly this draft). */
  get revision(): string | null {
    return this.etag;
  }

  dispose(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private async send(): Promise<void> {
    const patch = this.pending;
    this.pending = {};
    this.setStatus({ kind: 'saving' });
    try {
      const saved = await this.options.save(patch, this.etag);
      this.etag = saved.etag;
      if (this.stopped) return;
      this.options.onSaved(saved);
      this.setStatus({ kind: hasChanges(this.pending) ? 'unsaved' : 'saved' });
      if (hasChanges(this.pending)) this.restartTimer();
    } catch (error) {
      // Not lost: what failed goes back in the queue under anything changed since.
      this.pending = { ...patch, ...this.pending };
      if (this.stopped) return;
      this.setStatus(
        isApiRequestError(error, 409)
          ? { kind: 'conflict', message: errorMessage(error) }
          : { kind: 'error', message: errorMessage(error) },
      );
    } finally {
      this.inFlight = undefined;
    }
  }

  private restartTimer(): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.inFlight) void this.flush();
    }, this.options.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }
}

const hasChanges = (patch: UpdateFlow): boolean =>
  patch.graph !== undefined || patch.name !== undefined || patch.description !== undefined;
