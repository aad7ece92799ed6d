import type { UpdateFlow } from '@baton/api-contract';
import { ApiRequestError } from '../../api/api-request-error';
import { makeFlowDetail } from '../../test/make-flow';
import { DraftSaver, type SaveStatus } from './draft-saver';
import type { FlowDraftView } from './flows.api';

const lonely = { nodes: [], edges: [] };

function makeSaver(answer: (patch: UpdateFlow, etag: string | null) => Promise<FlowDraftView>) {
  const statuses: SaveStatus['kind'][] = [];
  const sent: { patch: UpdateFlow; etag: string | null }[] = [];
  let n = 0;
  const saver = new DraftSaver(
    {
      save: (patch, etag) => {
        sent.push({ patch, etag });
        return answer(patch, etag);
      },
      onSaved: () => undefined,
      onStatus: (s) => statuses.push(s.kind),
      delayMs: 10,
    },
    '"r0"',
  );
  const ok = () => Promise.resolve({ ...makeFlowDetail(), etag: `"r${(n += 1)}"` });
  return { saver, statuses, sent, ok };
}

describe('DraftSaver', () => {
  it('saves one request at a time, each from the ETag the last one returned', async () => {
    let release: () => void = () => undefined;
    const { saver, sent, ok } = makeSaver(
      () =>
        new Promise((resolve) => {
          release = () => void ok().then(resolve);
        }),
    );
    saver.schedule({ graph: lonely });
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(1);
    // Edits while the first save is out wait for it, then go together.
    saver.schedule({ name: 'A' });
    saver.schedule({ name: 'B' });
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toHaveLength(1);
    release();
    await new Promise((r) => setTimeout(r, 30));
    release();
    expect(await saver.flush()).toBe(true);
    expect(sent.map((s) => s.etag)).toEqual(['"r0"', '"r1"']);
    expect(sent[1]?.patch).toEqual({ name: 'B' });
    expect(saver.current.kind).toBe('saved');
  });

  it('stops at a 409 and keeps the changes; other errors can be retried', async () => {
    const conflict = new ApiRequestError({ statusCode: 409, error: 'Conflict', message: 'Reload' });
    const down = new ApiRequestError({ statusCode: 0, error: 'Network Error', message: 'offline' });
    let fail: ApiRequestError | null = down;
    const { saver, sent, ok, statuses } = makeSaver(() => (fail ? Promise.reject(fail) : ok()));
    saver.schedule({ graph: lonely });
    expect(await saver.flush()).toBe(false);
    expect(saver.current).toEqual({ kind: 'error', message: 'offline' });
    fail = null;
    expect(await saver.flush()).toBe(true);
    expect(sent.at(-1)?.patch).toEqual({ graph: lonely });

    fail = conflict;
    saver.schedule({ name: 'Mine' });
    expect(await saver.flush()).toBe(false);
    expect(saver.current.kind).toBe('conflict');
    const tries = sent.length;
    saver.schedule({ name: 'Mine again' });
    saver.retry();
    expect(await saver.flush()).toBe(false);
    expect(sent).toHaveLength(tries);
    expect(statuses).toContain('saving');
  });
});
