import {
  canvasPoint,
  createBoard,
  expect,
  expectLive,
  join,
  joinedPerson,
  noteEntry,
  outline,
  shot,
  test,
} from './support.js';

test('a view-only participant follows live and has no way to edit', async ({ person, baseURL }) => {
  const board = await createBoard(baseURL ?? '', 'Viewer check');
  const editor = await joinedPerson(person, board.links.edit, 'Eve Editor');
  const viewer = await joinedPerson(person, board.links.view, 'Vic Viewer');
  await expect(viewer.getByText('View only', { exact: true })).toBeVisible();
  await expect(viewer.getByRole('status').filter({ hasText: /^View only: / })).toHaveText(
    'View only: you can look and follow along, but not change the board.',
  );

  await editor.getByRole('button', { name: 'Add note', exact: true }).click();
  await editor.keyboard.type('Visible to viewers');
  await expect(noteEntry(outline(viewer), /Visible to viewers/)).toBeVisible({ timeout: 1_000 });
  await expect(editor.getByRole('list', { name: 'People here: 2' })).toContainText('Vic Viewer');

  // No editing controls, and the shortcuts and gestures that edit do nothing.
  await expect(viewer.getByRole('button', { name: 'Add note', exact: true })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Export', exact: true })).toHaveCount(0);
  const empty = await canvasPoint(viewer, 0.25, 0.75);
  await viewer.mouse.dblclick(empty.x, empty.y);
  await viewer.keyboard.press('n');
  await expect(viewer.getByRole('textbox', { name: 'Note text' })).toHaveCount(0);
  await noteEntry(outline(viewer), /Visible to viewers/).click();
  await expect(outline(viewer).getByLabel('Text', { exact: true })).toHaveCount(0);
  await expect(outline(viewer).getByLabel('Zone', { exact: true })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await viewer.keyboard.press('Delete');
  await shot(viewer, 'viewer');
  await viewer.getByRole('button', { name: 'Share' }).click();
  await expect(viewer.getByLabel('Customer link', { exact: true })).toHaveCount(0);
  await expect(viewer.getByLabel('View-only link', { exact: true })).toHaveValue(board.links.view);
  await viewer.getByRole('button', { name: 'Done' }).click();

  // Nothing the viewer did reached the board: the editor still sees exactly one note.
  await editor.keyboard.press('Escape');
  await editor.reload();
  await expectLive(editor);
  await expect(outline(editor).getByRole('button', { name: /Visible to viewers/ })).toHaveCount(1);
  await expect(outline(editor).getByText('1 note in 4 zones')).toBeVisible();
});

test('broken links show a page that says so', async ({ page, baseURL }) => {
  const board = await createBoard(baseURL ?? '', 'Link check');
  await page.goto('/b/no-such-board#token=abcdefabcdefabcdefabcdefabcdefabcdefabcdefa');
  await expect(page.getByRole('heading', { name: 'Board not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Dartboard' })).toBeVisible();
  await shot(page, 'error-not-found');

  await page.goto(`/b/${board.id}#token=wrong-token-wrong-token-wrong-token-wrong-to`);
  await expect(page.getByRole('heading', { name: 'This link doesn’t work' })).toBeVisible();
  await expect(page.getByTestId('board-canvas')).toHaveCount(0);

  await page.goto(`/b/${board.id}`);
  await expect(page.getByRole('heading', { name: 'This link is incomplete' })).toBeVisible();
});

test('the join form asks for a name and remembers it for the next board', async ({
  person,
  baseURL,
}) => {
  const first = await createBoard(baseURL ?? '', 'First');
  const second = await createBoard(baseURL ?? '', 'Second');
  const page = await person();
  await page.goto(first.links.edit);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toHaveText('Enter a name so others know who wrote what.');
  await expect(page.getByLabel('Your name')).toBeFocused();
  await join(page, 'Dana');
  await page.goto(second.links.edit);
  await expectLive(page);
  await expect(page.getByRole('list', { name: 'People here: 1' })).toContainText('Dana (you)');
});

test('the facilitator exports the summary as Markdown; others cannot', async ({ person }) => {
  const sam = await person();
  await sam.goto('/');
  await sam.getByLabel('Session title (optional)').fill('Export check');
  await sam.getByRole('button', { name: 'New session' }).click();
  await join(sam, 'Sam');
  await sam.getByRole('button', { name: 'Add note', exact: true }).click();
  await sam.keyboard.type('Agree success criteria');
  await sam.keyboard.press('Escape');
  await outline(sam).getByLabel('Zone', { exact: true }).selectOption({ label: 'Dialogue' });

  await sam.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    sam.waitForEvent('download'),
    sam
      .getByRole('menu', { name: 'Export' })
      .getByRole('menuitem', { name: 'Markdown (.md)' })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^dartboard-export-check-\d{4}-\d{2}-\d{2}\.md$/);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  const markdown = await readFile(path, 'utf8');
  expect(markdown).toContain('# Export check');
  const dialogue = markdown.slice(markdown.indexOf('## Dialogue'), markdown.indexOf('## Access'));
  expect(dialogue).toContain('- Agree success criteria — *Sam*');

  // Back on the landing page, the session is listed under recent sessions.
  await sam.goto('/');
  await expect(sam.getByRole('link', { name: 'Export check' })).toBeVisible();
  await shot(sam, 'landing-recent');

  await sam.getByRole('link', { name: 'Export check' }).click();
  await expectLive(sam);
  await sam.getByRole('button', { name: 'Share' }).click();
  const editLink = await sam.getByLabel('Customer link', { exact: true }).inputValue();
  const cara = await joinedPerson(person, editLink, 'Cara');
  await expect(cara.getByRole('button', { name: 'Export', exact: true })).toHaveCount(0);
});
