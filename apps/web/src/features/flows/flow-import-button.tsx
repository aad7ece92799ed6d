import { useMutation } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { importFlowFile } from './flow-file.api';

/** Picks a `baton.flow` file and imports it as a new draft flow. */
export function FlowImportButton({ onImported }: { onImported(flowId: string): void }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const importing = useMutation({
    mutationFn: (file: File) => importFlowFile(file),
    onSuccess: (result) => onImported(result.flow.id),
  });
  return (
    <div className="flow-import">
      <label htmlFor={inputId} className="visually-hidden">
        Flow file to import
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) importing.mutate(file);
          event.target.value = '';
        }}
      />
      <button
        type="button"
        className="button"
        disabled={importing.isPending}
        onClick={() => input.current?.click()}
      >
        {importing.isPending ? 'Importing…' : 'Import…'}
      </button>
      {importing.isError && (
        <p role="alert" className="flow-import-error">
          {errorMessage(importing.error)}
        </p>
      )}
    </div>
  );
}
