import type { Page } from 'playwright-core';

/** Signs in on the login page the app shows at its root. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
