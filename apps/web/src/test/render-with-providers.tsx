import type { CurrentUser } from '@baton/api-contract';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation, type Location } from 'react-router';
import { CurrentUserContext } from '../features/auth/current-user-context';
import { testUuid } from './test-uuid';

interface RenderOptions {
  /** The route pattern the element is mounted at, e.g. "/leads/:leadId". */
  path?: string;
  /** The URL to start at, e.g. "/leads?status=new". */
  url?: string;
  /** Who is signed in; a manager unless told otherwise. */
  user?: CurrentUser;
}

export const testManager: CurrentUser = {
  id: testUuid(9),
  name: 'Grace Hopper',
  email: 'grace@example.com',
  role: 'manager',
};

function LocationSpy({ onRender }: { onRender: (location: Location) => void }) {
  onRender(useLocation());
  return null;
}

/**
 * Renders one page inside a fresh query client and an in-memory router; `location()` tells
 * where the page navigated to (e.g. the query string a filter wrote).
 */
export function renderWithProviders(
  element: ReactElement,
  { path = '/', url = path, user = testManager }: RenderOptions = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  let current: Location | undefined;
  const view = render(
    <QueryClientProvider client={queryClient}>
      <CurrentUserContext.Provider value={user}>
        <MemoryRouter initialEntries={[url]}>
          <LocationSpy onRender={(location) => (current = location)} />
          <Routes>
            <Route path={path} element={element} />
            <Route path="*" element={<p>Somewhere else</p>} />
          </Routes>
        </MemoryRouter>
      </CurrentUserContext.Provider>
    </QueryClientProvider>,
  );
  const location = (): Location => {
    if (!current) throw new Error('The router has not rendered yet');
    return current;
  };
  return { ...view, queryClient, location };
}
