import {
  canvas,
  canvasPoint,
  drag,
  expect,
  expectLive,
  join,
  joinedPerson,
  noteEntry,
  outline,
  shot,
  test,
  zoneSection,
} from './support.js';

// Two people, two browser contexts: the facilitator starts a session from the landing page and
// the customer joins through the shared link. Every change must reach the other within a second.
const LIVE = { timeout: 1_000 };

test('facilitator and customer build the board together, live, and a reload keeps it', async ({
  person,
}) => {
  const sam = await person();
  await sam.goto('/');
  await shot(sam, 'landing');
  await sam.getByLabel('Session title (optional)').fill('Acme renewal');
  await sam.getByRole('button', { name: 'New session' }).click();
  await expect(sam.getByRole('heading', { name: 'Acme renewal' })).toBeVisible();
  await shot(sam, 'join');
  await join(sam, 'Sam Seller');
  for (const zone of ['Dialogue', 'Access', 'Risk assessment', 'Transparency']) {
    await expect(zoneSection(sam, zone)).toBeVisible();
  }

  await sam.getByRole('button', { name: 'Share' }).click();
  const share = sam.getByRole('dialog', { name: 'Share this board' });
  const editLink = await share.getByLabel('Customer link', { exact: true }).inputValue();
  expect(editLink).toMatch(/\/b\/[\w-]+#token=[\w-]{43}$/);
  await share.getByRole('button', { name: 'Copy customer link' }).click();
  await expect(share.getByRole('button', { name: 'Copy customer link' })).toHaveText('Copied');
  expect(await sam.evaluate<string>('navigator.clipboard.readText()')).toBe(editLink);
  await expect(share.getByLabel('View-only link', { exact: true })).toHaveValue(/#token=/);
  await shot(sam, 'share');
  await share.getByRole('button', { name: 'Done' }).click();
  await expect(share).toBeHidden();

  const cara = await joinedPerson(person, editLink, 'Cara Customer');
  await expect(sam.getByRole('list', { name: 'People here: 2' })).toContainText('Cara Customer');
  await expect(cara.getByRole('list', { name: 'People here: 2' })).toContainText('Sam Seller');

  // Sam adds a note with N under his pointer in Dialogue and types; Cara sees the text while it
  // is being typed.
  const inDialogue = await canvasPoint(sam, 0.25, 0.3);
  await sam.mouse.move(inDialogue.x, inDialogue.y);
  await sam.keyboard.press('n');
  await expect(sam.getByRole('textbox', { name: 'Note text' })).toBeFocused();
  await sam.keyboard.type('Pilot with two teams first');
  await expect(noteEntry(outline(cara), /Pilot with two teams first/)).toBeVisible(LIVE);
  await sam.keyboard.type('\nthen the rollout');
  await expect(noteEntry(outline(cara), /then the rollout/)).toBeVisible(LIVE);
  await sam.keyboard.press('Escape');
  await expect(noteEntry(zoneSection(cara, 'Dialogue'), /Pilot with two teams/)).toBeVisible();

  // Cara double-clicks inside the Risk assessment zone and writes a note there.
  const inRisk = await canvasPoint(cara, 0.25, 0.75);
  await cara.mouse.dblclick(inRisk.x, inRisk.y);
  await cara.keyboard.type('Data migration could stall');
  await cara.keyboard.press('Escape');
  await expect(
    noteEntry(
      zoneSection(sam, 'Risk assessment'),
      /Data migration could stall — Cara Customer|Data migration could stall/,
    ),
  ).toBeVisible(LIVE);
  await expect(noteEntry(zoneSection(sam, 'Risk assessment'), /Data migration/)).toContainText(
    'Cara Customer',
  );

  // Sam drags his note (under his pointer) into Access; Cara sees it move mid-drag.
  const inAccess = await canvasPoint(sam, 0.75, 0.25);
  await drag(sam, inDialogue, inAccess, { release: false });
  await expect(noteEntry(zoneSection(cara, 'Access'), /Pilot with two teams/)).toBeVisible(LIVE);
  await sam.mouse.up();
  await expect(noteEntry(zoneSection(sam, 'Access'), /Pilot with two teams/)).toBeVisible();

  // Hostile text is shown as text: no markup, no script.
  let dialogs = 0;
  for (const page of [sam, cara]) page.on('dialog', () => dialogs++);
  await cara.getByRole('button', { name: 'Add note', exact: true }).click();
  await cara.keyboard.type('<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1))');
  await cara.keyboard.press('Escape');
  await expect(noteEntry(outline(sam), /<img src=x onerror=alert\(1\)>/)).toBeVisible(LIVE);
  expect(await sam.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);

  // Sam's cursor shows on Cara's screen with his name.
  await sam.mouse.move(inAccess.x + 30, inAccess.y + 60, { steps: 4 });
  await expect(cara.locator('.cursor', { hasText: 'Sam Seller' })).toBeVisible(LIVE);
  await shot(cara, 'board');

  // Cara deletes the hostile note from the outline with the Delete key; Sam sees it go.
  await noteEntry(outline(cara), /<img src=x/).click();
  await cara.keyboard.press('Delete');
  await expect(noteEntry(outline(sam), /<img src=x/)).toHaveCount(0, LIVE);

  // A reload keeps everything, and the name is remembered.
  await sam.reload();
  await expectLive(sam);
  await expect(noteEntry(zoneSection(sam, 'Access'), /Pilot with two teams first/)).toBeVisible();
  await expect(
    noteEntry(zoneSection(sam, 'Risk assessment'), /Data migration could stall/),
  ).toBeVisible();
  await expect(outline(sam).getByRole('button', { name: /<img/ })).toHaveCount(0);
  await expect(canvas(sam)).toBeVisible();
});

test('the outline edits text and moves notes between zones from the keyboard', async ({
  person,
}) => {
  const ann = await person();
  await ann.goto('/');
  await ann.getByRole('button', { name: 'New session' }).click();
  await join(ann, 'Ann');
  await ann.keyboard.press('n');
  await ann.keyboard.type('Shared pricing sheet');
  await ann.keyboard.press('Escape');

  await noteEntry(outline(ann), /Shared pricing sheet/).click();
  const zone = outline(ann).getByLabel('Zone', { exact: true });
  // N with the pointer off the board puts the note into a zone, never between them.
  await expect(zone).not.toHaveValue('');
  await zone.selectOption({ label: 'Transparency' });
  await expect(noteEntry(zoneSection(ann, 'Transparency'), /Shared pricing sheet/)).toBeVisible();
  const text = outline(ann).getByLabel('Text', { exact: true });
  await text.fill('Shared pricing sheet, updated weekly');
  await expect(noteEntry(zoneSection(ann, 'Transparency'), /updated weekly/)).toBeVisible();
  await ann.reload();
  await expectLive(ann);
  await expect(
    noteEntry(zoneSection(ann, 'Transparency'), /Shared pricing sheet, updated weekly/),
  ).toBeVisible();
});

test('several notes are selected with a rubber band and deleted together, and undo brings them back', async ({
  person,
}) => {
  const ann = await person();
  await ann.goto('/');
  await ann.getByRole('button', { name: 'New session' }).click();
  await join(ann, 'Ann');
  // Three notes in the Dialogue zone (top left), well apart.
  for (const [fx, fy, text] of [
    [0.12, 0.3, 'one'],
    [0.3, 0.3, 'two'],
    [0.2, 0.42, 'three'],
  ] as const) {
    const p = await canvasPoint(ann, fx, fy);
    await ann.mouse.dblclick(p.x, p.y);
    await expect(ann.getByLabel('Note text', { exact: true })).toBeFocused();
    await ann.keyboard.type(`note ${text}`);
    await ann.keyboard.press('Escape');
  }
  await expect(zoneSection(ann, 'Dialogue')).toHaveAccessibleName('Dialogue (3)');

  const from = await canvasPoint(ann, 0.06, 0.2);
  const to = await canvasPoint(ann, 0.4, 0.5);
  await ann.keyboard.down('Shift');
  await drag(ann, from, to);
  await ann.keyboard.up('Shift');
  await expect(ann.getByRole('button', { name: 'Delete 3 notes' })).toBeVisible();
  await shot(ann, 'multi-select');
  await ann.getByRole('button', { name: 'Delete 3 notes' }).click();
  await expect(zoneSection(ann, 'Dialogue')).toHaveAccessibleName('Dialogue (0)');
  await ann.keyboard.press('Control+z');
  await expect(zoneSection(ann, 'Dialogue')).toHaveAccessibleName('Dialogue (3)');
});
