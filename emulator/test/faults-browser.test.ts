import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import {
  connect as connectHttp2,
  constants as http2,
  createSecureServer as createHttp2Server,
} from 'node:http2';
import type { AddressInfo, Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDevCertificate } from '../cert';
import {
  siobhan,
  TAP_GLOB,
  TAPS,
  env,
  bearer,
  addFault,
  graphInit,
  passOf,
  creates,
  waitFor,
} from './faults-support';

describe('drop-after-commit for browser-like clients', () => {
  const servers: Server[] = [];
  afterAll(async () => {
    for (const server of servers) {
      await new Promise((resolve) => server.close(resolve));
    }
  });
  const serve = (req: IncomingMessage, res: ServerResponse) =>
    env.emulator.middleware(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  const listen = async (server: Server) => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    return (server.address() as AddressInfo).port;
  };

  it('makes node’s own fetch fail, with the pass made', async () => {
    const port = await listen(createHttpServer(serve));
    await addFault({ method: 'POST', path: TAP_GLOB, fault: 'drop-after-commit' });
    await expect(
      fetch(`http://localhost:${port}/graph/v1.0${TAPS}`, graphInit('POST', {})),
    ).rejects.toThrow(TypeError);
    expect(passOf(siobhan.id)).not.toBeNull();
    // Without the fault the same client gets its answer.
    const listed = await fetch(`http://localhost:${port}/graph/v1.0${TAPS}`, graphInit('GET'));
    expect(listed.status).toBe(200);
  });

  it('resets the stream over HTTP/2, as Vite serves the demo, with the pass made', async () => {
    const { key, cert } = await ensureDevCertificate();
    const server = createHttp2Server({ key, cert, allowHTTP1: true }, (req, res) =>
      serve(req as unknown as IncomingMessage, res as unknown as ServerResponse),
    );
    const port = await listen(server as unknown as Server);
    const session = connectHttp2(`https://localhost:${port}`, { ca: cert });
    try {
      const send = () =>
        new Promise<{ status?: number; rstCode: number }>((resolve) => {
          const stream = session.request({
            ':method': 'POST',
            ':path': `/graph/v1.0${TAPS}`,
            authorization: `Bearer ${bearer}`,
            'content-type': 'application/json',
          });
          let status: number | undefined;
          stream.on('response', (headers) => (status = Number(headers[':status'])));
          stream.on('error', () => {});
          stream.resume();
          stream.on('close', () => resolve({ status, rstCode: stream.rstCode ?? -1 }));
          stream.end('{}');
        });
      await addFault({ method: 'POST', path: TAP_GLOB, fault: 'drop-after-commit' });
      const dropped = await send();
      expect(dropped).toEqual({ status: undefined, rstCode: http2.NGHTTP2_CANCEL });
      const first = passOf(siobhan.id);
      expect(first).not.toBeNull();
      // The session survives: only that request's stream was cut. A retry replaces the pass.
      const retried = await send();
      expect(retried.status).toBe(201);
      expect(passOf(siobhan.id)?.id).not.toBe(first?.id);
      expect((await creates()).map((r) => r.status)).toEqual([0, 201]);
    } finally {
      session.close();
    }
  });

  it('still processes a slow request whose HTTP/2 stream the browser cancelled', async () => {
    const { key, cert } = await ensureDevCertificate();
    const server = createHttp2Server({ key, cert, allowHTTP1: true }, (req, res) =>
      serve(req as unknown as IncomingMessage, res as unknown as ServerResponse),
    );
    const port = await listen(server as unknown as Server);
    const session = connectHttp2(`https://localhost:${port}`, { ca: cert });
    try {
      await addFault({ method: 'POST', path: TAP_GLOB, fault: 'slow', ms: 300 });
      const stream = session.request({
        ':method': 'POST',
        ':path': `/graph/v1.0${TAPS}`,
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
      });
      stream.on('error', () => {});
      stream.end('{}');
      await new Promise((resolve) => setTimeout(resolve, 80));
      stream.close(http2.NGHTTP2_CANCEL);
      expect(passOf(siobhan.id)).toBeNull();
      await waitFor(() => passOf(siobhan.id) !== null);
      await waitFor(async () => (await creates()).length === 1);
      expect((await creates())[0]).toMatchObject({ status: 201, fault: 'slow', aborted: true });
    } finally {
      session.close();
    }
  });
});
