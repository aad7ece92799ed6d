import {
  currentUserSchema,
  type CurrentUser,
  type Login,
  type SignInOptions,
  signInOptionsSchema,
} from '@baton/api-contract';
import { apiCommand, apiRequest } from '../../api/api-client';
import { isApiRequestError } from '../../api/api-request-error';

export const currentUserQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no valid session (401). */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    return await apiRequest('GET', '/api/v1/auth/me', currentUserSchema, { signal });
  } catch (error) {
    if (isApiRequestError(error, 401)) return null;
    throw error;
  }
}

export const signInOptionsQueryKey = ['auth', 'providers'] as const;

/** Whether passwords and single sign-on are on (public). */
export function fetchSignInOptions(signal?: AbortSignal): Promise<SignInOptions> {
  return apiRequest('GET', '/api/v1/auth/providers', signInOptionsSchema, { signal });
}

export function signIn(login: Login): Promise<CurrentUser> {
  return apiRequest('POST', '/api/v1/auth/login', currentUserSchema, { body: login });
}

export function signOut(): Promise<void> {
  return apiCommand('POST', '/api/v1/auth/logout');
}
