import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders, testManager } from '../../test/render-with-providers';
import { UserMenu } from './user-menu';

describe('UserMenu', () => {
  it('leads every role to their API tokens', () => {
    const rep = { ...testManager, role: 'rep' as const, name: 'Riley Rep' };
    const view = renderWithProviders(<UserMenu user={rep} />);
    const link = screen.getByRole('link', { name: 'API tokens' });
    expect(link.getAttribute('href')).toBe('/settings/tokens');
    fireEvent.click(link);
    expect(view.location().pathname).toBe('/settings/tokens');
  });
});
