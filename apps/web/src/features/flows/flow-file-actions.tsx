import type { FlowGraph } from '@baton/flow';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-request-error';
import { downloadFlowFile, duplicateFlow } from './flow-file.api';
import { flowKeys, setFlowArchived } from './flows.api';

interface FlowFileActionsProps {
  flowId: string;
  name: string;
  graph: FlowGraph;
  archived: boolean;
  /** Saves pending edits first, so the file and the copy hold what is on screen. */
  beforeCopy(): Promise<boolean>;
}

/** Export the draft as a file, or start a new flow from it. */
export function FlowFileActions({
  flowId,
  name,
  graph,
  archived,
  beforeCopy,
}: FlowFileActionsProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const archiving = useMutation({
    mutationFn: () => setFlowArchived(flowId, !archived),
    onSuccess: (flow) => {
      queryClient.setQueryData(flowKeys.detail(flowId), (old: object | undefined) =>
        old ? { ...old, archivedAt: flow.archivedAt } : old,
      );
      void queryClient.invalidateQueries({ queryKey: flowKeys.list() });
    },
  });
  const exporting = useMutation({
    mutationFn: async () => {
      if (!(await beforeCopy())) throw new Error('The draft could not be saved: try again.');
      await downloadFlowFile(flowId, name);
    },
  });
  const duplicating = useMutation({
    mutationFn: async () => {
      if (!(await beforeCopy())) throw new Error('The draft could not be saved: try again.');
      return duplicateFlow({ name, graph });
    },
    onSuccess: (copy) => void navigate(`/flows/${copy.id}`),
  });
  const error = exporting.error ?? duplicating.error ?? archiving.error;
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        disabled={exporting.isPending}
        onClick={() => exporting.mutate()}
      >
        {exporting.isPending ? 'Exporting…' : 'Export'}
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={duplicating.isPending}
        onClick={() => duplicating.mutate()}
      >
        {duplicating.isPending ? 'Duplicating…' : 'Duplicate'}
      </button>
      <button
        type="button"
        className="button button-quiet"
        disabled={archiving.isPending}
        onClick={() => archiving.mutate()}
      >
        {archived ? 'Restore' : 'Archive'}
      </button>
      {error && (
        <span role="alert" className="flow-toolbar-error">
          {errorMessage(error)}
        </span>
      )}
    </>
  );
}
