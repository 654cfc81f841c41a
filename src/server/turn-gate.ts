/**
 * While new connections are arriving (one accepted within the last second, see connectionBurst), admits at most
 * `perTurn` requests per turn of the event loop; the rest wait, oldest first, for the next turns. Once the burst is
 * taken in, requests run as they come again, so steady traffic on open connections keeps its full throughput.
 *
 * Why: libuv accepts one new connection per loop turn. Under saturation a turn otherwise serves every ready socket
 * (hundreds of requests, tens of milliseconds), so a burst of thousands of fresh connections waits seconds to be
 * accepted and some time out (docs/performance.md, "The accept queue"). Short turns keep the listening socket polled
 * often. A waiting request costs a closure; nothing is refused.
 */
import { performance } from 'node:perf_hooks';
import type { Server } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Tells whether the server accepted a connection within the last `windowMs`. */
export function connectionBurst(server: Server, windowMs = 1000): () => boolean {
  let lastConnectionAt = -Infinity;
  server.on('connection', () => {
    lastConnectionAt = performance.now();
  });
  return () => performance.now() - lastConnectionAt <= windowMs;
}

/** Installs the gate on every route of the app; `inBurst` says when it applies (tests pass their own). */
export function installTurnGate(app: FastifyInstance, perTurn: number, inBurst: () => boolean = connectionBurst(app.server)): void {
  // A queue with a moving head: shift() on a long array would copy it every time.
  let waiting: Array<() => void> = [];
  let head = 0;
  let admitted = 0;
  let scheduled = false;

  const nextTurn = () => {
    scheduled = false;
    admitted = 0;
    // After the burst everything waiting goes at once, so the queue empties and requests run as they come again.
    const end = inBurst() ? Math.min(waiting.length, head + perTurn) : waiting.length;
    while (head < end) {
      const release = waiting[head]!;
      head++;
      release();
    }
    if (head === waiting.length) {
      waiting = [];
      head = 0;
      return;
    }
    // Under steady saturation the queue never empties: drop the released part now and then, or it would keep every
    // finished request's closure alive.
    if (head > 1024 && head * 2 > waiting.length) {
      waiting = waiting.slice(head);
      head = 0;
    }
    schedule();
  };
  // setImmediate runs after this turn's I/O: the counter starts again for the next turn.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(nextTurn);
  };

  app.addHook('onRequest', (_request, _reply, done) => {
    const queueEmpty = head === waiting.length;
    if (queueEmpty && !inBurst()) {
      done();
      return;
    }
    schedule();
    if (queueEmpty && admitted < perTurn) {
      admitted++;
      done();
      return;
    }
    waiting.push(done);
  });
}
