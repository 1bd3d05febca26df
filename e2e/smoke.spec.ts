import { expect, test } from '@playwright/test';

test('the server serves the web app, on the landing page and on a board link', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dartboard' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('Server is up.');
  await page.screenshot({ path: 'test-results/smoke-landing.png' });

  const created = await request.post('/api/boards', { data: { title: 'Smoke' } });
  expect(created.status()).toBe(201);
  const { links } = (await created.json()) as { links: { edit: string } };
  await page.goto(links.edit);
  await expect(page.getByRole('heading', { name: 'Dartboard' })).toBeVisible();
});
