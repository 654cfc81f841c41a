/** The turn gate spreads a burst over several event-loop turns, oldest first, and answers every request. */
import net from 'node:net';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionBurst, installTurnGate } from './turn-gate.js';

describe('turn gate', () => {
  let stopTicking = () => {};
  afterEach(() => stopTicking());

  /** Counts event-loop turns: a setImmediate chain advances once per turn. */
  function turnCounter() {
    let turn = 0;
    let running = true;
    const tick = () => {
      turn++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    stopTicking = () => { running = false; };
    return () => turn;
  }

  async function burst(perTurn: number | null, n: number, inBurst: () => boolean = () => true, onStart: (id: number) => void = () => {}) {
    const app = Fastify();
    if (perTurn) installTurnGate(app, perTurn, inBurst);
    const currentTurn = turnCounter();
    const started: Array<{ id: number; turn: number }> = [];
    app.get('/:id', async (request) => {
      const id = Number((request.params as { id: string }).id);
      onStart(id);
      started.push({ id, turn: currentTurn() });
      return { id };
    });
    await app.ready();
    const replies = await Promise.all(Array.from({ length: n }, (_, i) => app.inject({ method: 'GET', url: `/${i}` })));
    await app.close();
    return { replies, started };
  }

  it('admits at most the limit per turn and keeps arrival order', async () => {
    const { replies, started } = await burst(2, 9);
    expect(replies.map((r) => r.json<{ id: number }>().id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(started.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const perTurn = new Map<number, number>();
    for (const s of started) perTurn.set(s.turn, (perTurn.get(s.turn) ?? 0) + 1);
    // A turn's I/O admits up to 2, and the same turn's check phase releases up to 2 waiting ones.
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(4);
    expect(perTurn.size).toBeGreaterThanOrEqual(3);
  });

  it('lets requests run as they come when no connection burst is under way', async () => {
    const { replies, started } = await burst(2, 9, () => false);
    expect(replies.every((r) => r.statusCode === 200)).toBe(true);
    expect(new Set(started.map((s) => s.turn)).size).toBe(1);
  });

  it('releases everything still waiting once the burst is over', async () => {
    let inBurst = true;
    const { replies, started } = await burst(1, 8, () => inBurst, (id) => { if (id === 0) inBurst = false; });
    expect(replies.every((r) => r.statusCode === 200)).toBe(true);
    expect(started.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // One request per turn would take eight turns; the end of the burst lets the other seven go together.
    expect(new Set(started.map((s) => s.turn)).size).toBeLessThanOrEqual(2);
  });

  it('notices a burst of new connections and its end', async () => {
    const server = net.createServer((socket) => socket.end());
    const inBurst = connectionBurst(server, 150);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(inBurst()).toBe(false);
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => net.connect(port, '127.0.0.1').on('close', () => resolve()).resume());
    expect(inBurst()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(inBurst()).toBe(false);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('without the gate the whole burst runs in one turn (what the gate is for)', async () => {
    const { started } = await burst(null, 9);
    expect(new Set(started.map((s) => s.turn)).size).toBe(1);
  });
});
