import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/api-request-error';
import { useCurrentUser } from '../auth/current-user-context';
import { demoDataKeys, fetchDemoData, removeDemoData } from './demo-data.api';
import { metricsKeys } from './metrics.api';

/** Hiding the notice is per browser; removing the data is for everyone. */
export const SAMPLE_BANNER_DISMISSED_KEY = 'baton.sampleDataBanner.dismissed';

function readDismissed(): boolean {
  try {
    return window.localStorage.getItem(SAMPLE_BANNER_DISMISSED_KEY) === 'true';
  } catch {
    return false; // storage blocked: just show it
  }
}

/**
 * Tells an admin that the figures come from the demo's sample leads, and removes them (after a
 * confirmation) once they want to see only their own. Nobody else sees it: the API is admin-only.
 */
export function SampleDataBanner() {
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const queryClient = useQueryClient();
  const [dismissed, setDismissed] = useState(readDismissed);
  const [confirming, setConfirming] = useState(false);
  const demo = useQuery({
    queryKey: demoDataKeys.all,
    queryFn: ({ signal }) => fetchDemoData(signal),
    enabled: isAdmin,
  });
  const remove = useMutation({
    mutationFn: removeDemoData,
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: demoDataKeys.all });
      void queryClient.invalidateQueries({ queryKey: metricsKeys.all });
    },
  });

  if (remove.isSuccess) {
    return (
      <p role="status" className="sample-banner sample-banner-done">
        Sample data removed: {remove.data.removedLeads} sample leads are gone. The figures now show
        only real leads.
      </p>
    );
  }
  const sampleLeads = demo.data?.sampleLeads ?? 0;
  if (!isAdmin || dismissed || sampleLeads === 0) return null;

  return (
    <section className="sample-banner" aria-labelledby="sample-banner-title">
      <div className="sample-banner-text">
        <h2 id="sample-banner-title">You are looking at sample data</h2>
        <p>
          The demo made up {sampleLeads} leads over the last 30 days so that every figure has
          something to show. Remove them when you start sending real leads; real leads are never
          touched.
        </p>
        {remove.isError && (
          <p role="alert" className="field-error">
            Could not remove the sample data: {errorMessage(remove.error)}
          </p>
        )}
      </div>
      <div className="sample-banner-actions">
        {confirming ? (
          <>
            <span id="sample-banner-confirm">
              Remove all {sampleLeads} sample leads for everyone?
            </span>
            <button
              type="button"
              className="button button-primary"
              aria-describedby="sample-banner-confirm"
              disabled={remove.isPending}
              onClick={() => remove.mutate()}
            >
              {remove.isPending ? 'Removing…' : 'Yes, remove them'}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setConfirming(false)}
            >
              Keep them
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Remove sample data
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setDismissed(true);
                try {
                  window.localStorage.setItem(SAMPLE_BANNER_DISMISSED_KEY, 'true');
                } catch {
                  // storage blocked: hidden until the next visit only
                }
              }}
            >
              Hide this notice
            </button>
          </>
        )}
      </div>
    </section>
  );
}
