import type { ApiToken, OwnedApiToken } from '@baton/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/api-request-error';
import { formatDateTime } from '../../time/format-date-time';
import { apiTokenKeys } from './api-tokens.api';

const stateLabels = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

interface ApiTokenTableProps {
  /** Whose tokens these are, for the table's name, e.g. "Your tokens". */
  caption: string;
  tokens: (ApiToken | OwnedApiToken)[];
  /** Shows each token's person (the admins' list of everyone's tokens). */
  showOwner?: boolean;
  revoke: (id: string) => Promise<void>;
}

/** Tokens with when they were made, last used and expire, each revocable after a confirmation. */
export function ApiTokenTable({ caption, tokens, showOwner = false, revoke }: ApiTokenTableProps) {
  return (
    <div className="card-body people-table-wrap">
      <table className="people-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Token</th>
            {showOwner && <th scope="col">Person</th>}
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <ApiTokenRow key={token.id} token={token} showOwner={showOwner} revoke={revoke} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ApiTokenRow({
  token,
  showOwner,
  revoke,
}: {
  token: ApiToken | OwnedApiToken;
  showOwner: boolean;
  revoke: (id: string) => Promise<void>;
}) {
  const queryClient = useQueryClient();
  const revocation = useMutation({
    mutationFn: () => revoke(token.id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
  const owner = 'owner' in token ? token.owner : null;
  const whose = owner && showOwner ? ` of ${owner.name}` : '';
  return (
    <tr data-testid="api-token-row">
      <th scope="row">
        <span className="person-name">{token.name}</span>
        <code className="person-email">{token.prefix}…</code>
      </th>
      {showOwner && (
        <td>
          <span className="person-name">{owner?.name}</span>
          <span className="person-email">{owner?.email}</span>
        </td>
      )}
      <td>{formatDateTime(token.createdAt)}</td>
      <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'}</td>
      <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'Never'}</td>
      <td>
        <span className={`api-token-state api-token-state-${token.state}`}>
          {stateLabels[token.state]}
        </span>
      </td>
      <td>
        {token.state !== 'revoked' && (
          <button
            type="button"
            className="button button-quiet"
            aria-label={`Revoke ${token.name}${whose}`}
            disabled={revocation.isPending}
            onClick={() => {
              if (
                window.confirm(
                  `Revoke the token “${token.name}”${whose}? Scripts using it get 401 from now on.`,
                )
              )
                revocation.mutate();
            }}
          >
            {revocation.isPending ? 'Revoking…' : 'Revoke'}
          </button>
        )}
        {revocation.isError && (
          <span role="alert" className="field-error">
            {errorMessage(revocation.error)}
          </span>
        )}
      </td>
    </tr>
  );
}
