import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Test support for the fake vendor servers: an HTTP server on a free loopback port. */
export type LoopbackServer = { url: string; close(): Promise<void> };

/** What a fake SMS vendor lets a test see and steer, whichever vendor's API it speaks. */
export type FakeSmsServer<Sent> = {
  endpoint: string;
  sent: Sent[];
  /** Every Code answered, in order. */
  answers: string[];
  /** The next send is refused with this vendor code. */
  refuseNext(code: string, message?: string): void;
  /** While set, requests get no answer (a vendor that hangs). */
  stall: boolean;
  close(): Promise<void>;
};

export async function listenOnLoopback(
  handle: (request: IncomingMessage, body: string) => Promise<{ status: number; body: unknown } | 'never'>,
): Promise<LoopbackServer> {
  const stalled = new Set<ServerResponse>();
  const server: Server = createServer((request, response) => {
    void readBody(request)
      .then((body) => handle(request, body))
      .then((answer) => {
        // 'never' holds the response open (a vendor that does not answer) until the server closes.
        if (answer === 'never') return void stalled.add(response);
        response.writeHead(answer.status, { 'content-type': 'application/json;charset=utf-8' }).end(JSON.stringify(answer.body));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const response of stalled) response.destroy();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}
