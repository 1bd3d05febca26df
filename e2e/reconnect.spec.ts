import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { freePort, type ServerProcess, spawnServer } from '../apps/server/test/process.js';
import {
  createBoard,
  expect,
  expectLive,
  joinedPerson,
  noteEntry,
  outline,
  test,
} from './support.js';

// This test owns its server process so that it can kill it: both browsers stay open through
// the outage, keep editing, and lose nothing.
test('both browsers reconnect after the server is killed and restarted, and nothing is lost', async ({
  person,
}) => {
  test.setTimeout(60_000);
  const dataDir = mkdtempSync(joinPath(tmpdir(), 'dartboard-e2e-restart-'));
  const port = await freePort();
  let server: ServerProcess | undefined = await spawnServer(dataDir, port);
  try {
    const board = await createBoard(server.url, 'Outage');
    const sam = await joinedPerson(person, board.links.facilitator, 'Sam');
    const cara = await joinedPerson(person, board.links.edit, 'Cara');

    await sam.getByRole('button', { name: 'Add note', exact: true }).click();
    await sam.keyboard.type('Before the outage');
    await sam.keyboard.press('Escape');
    await expect(noteEntry(outline(cara), /Before the outage/)).toBeVisible({ timeout: 1_000 });

    server.child.kill('SIGKILL');
    await server.exited;
    server = undefined;
    for (const page of [sam, cara]) {
      await expect(
        page.getByRole('status', {
          name: 'Connection: Reconnecting… your edits are kept and will be sent',
        }),
      ).toBeVisible();
    }

    // Both keep working while the server is down.
    await sam.getByRole('button', { name: 'Add note', exact: true }).click();
    await sam.keyboard.type('Written during the outage');
    await sam.keyboard.press('Escape');
    await noteEntry(outline(cara), /Before the outage/).click();
    await outline(cara)
      .getByLabel('Text', { exact: true })
      .fill('Before the outage, edited offline');

    server = await spawnServer(dataDir, port);
    await expectLive(sam);
    await expectLive(cara);
    await expect(noteEntry(outline(cara), /Written during the outage/)).toBeVisible({
      timeout: 5_000,
    });
    await expect(noteEntry(outline(sam), /edited offline/)).toBeVisible({ timeout: 5_000 });

    // And they go on editing live.
    await cara.keyboard.press('Escape');
    await cara.getByRole('button', { name: 'Add note', exact: true }).click();
    await cara.keyboard.type('After the restart');
    await cara.keyboard.press('Escape');
    await expect(noteEntry(outline(sam), /After the restart/)).toBeVisible({ timeout: 1_000 });

    await cara.reload();
    await expectLive(cara);
    for (const text of [
      /Before the outage, edited offline/,
      /Written during the outage/,
      /After the restart/,
    ]) {
      await expect(noteEntry(outline(cara), text)).toBeVisible();
    }
  } finally {
    server?.child.kill('SIGTERM');
    await server?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
