import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gateInvoke, type Dispatch, type InvokeSender } from '../../../electron/main/invoke-gate';
import { closeStation, openStation, type Station } from '../../../electron/core/station';

const ours: InvokeSender = { frameUrl: 'app://fupin/households', isMainFrame: true, fromOurWindow: true };
const fakeStation = {} as Station;

describe('gateInvoke: who may call the API over IPC', () => {
  it.each<[string, InvokeSender | null]>([
    ['no sender frame (navigated away or destroyed)', null],
    ['an iframe of our page', { ...ours, isMainFrame: false }],
    ['a foreign page in our window', { ...ours, frameUrl: 'https://evil.example/' }],
    ['a file:// page', { ...ours, frameUrl: 'file:///C:/x.html' }],
    ['another app:// host', { ...ours, frameUrl: 'app://other/' }],
    ['another window (e.g. a print window)', { ...ours, fromOurWindow: false }],
  ])('refuses %s with FORBIDDEN before dispatch runs', async (_label, sender) => {
    const run = vi.fn<Dispatch>();
    const result = await gateInvoke(fakeStation, sender, ['system.status', {}, null], run);
    expect(result).toEqual({ ok: false, error: { kind: 'FORBIDDEN', message: expect.any(String) } });
    expect(run).not.toHaveBeenCalled();
  });

  it.each<[string, unknown[]]>([
    ['a method that is not a string', [42, {}, null]],
    ['a token that is not a string', ['auth.me', {}, { forged: true }]],
    ['extra arguments', ['auth.me', {}, 'token', 'extra']],
    ['nothing at all', []],
  ])('refuses %s as INVALID_INPUT', async (_label, args) => {
    const run = vi.fn<Dispatch>();
    const result = await gateInvoke(fakeStation, ours, args, run);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('INVALID_INPUT');
    expect(run).not.toHaveBeenCalled();
  });

  it('forwards a trusted call unchanged to dispatch', async () => {
    const run = vi.fn<Dispatch>(async () => ({ ok: true, value: 'fine' }));
    const input = { page: 1 };
    expect(await gateInvoke(fakeStation, ours, ['users.list', input, 'tok'], run)).toEqual({ ok: true, value: 'fine' });
    expect(run).toHaveBeenCalledWith(fakeStation, { method: 'users.list', input, token: 'tok' });
    await gateInvoke(fakeStation, ours, ['system.status', undefined], run);
    expect(run).toHaveBeenLastCalledWith(fakeStation, { method: 'system.status', input: undefined, token: null });
  });

  describe('with a real station and the real router', () => {
    let dir: string;
    let station: Station;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'fupin-gate-'));
      station = await openStation(join(dir, 'station.db'), { dailyBackup: false });
    });
    afterAll(() => {
      closeStation(station);
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers our page and still applies the router’s own checks', async () => {
      const status = await gateInvoke(station, ours, ['system.status', {}, null]);
      expect(status.ok).toBe(true);
      const unknown = await gateInvoke(station, ours, ['no.such.method', {}, null]);
      expect(unknown.ok).toBe(false);
      if (!unknown.ok) expect(unknown.error.kind).toBe('INVALID_INPUT');
    });
  });
});
