import type { Page } from 'playwright-core';

/** Opens a settings page as a person would: Settings in the top bar, then its sub-navigation. */
export async function openSettingsPage(page: Page, label: string) {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: label })
    .click();
}
