import { get, type IncomingHttpHeaders, type ClientRequest } from 'node:http';

/** For tests: a minimal text/event-stream reader over a real socket (what EventSource does). */
export type SseMessage = { id?: string; event: string; data: string; retry?: number };

export class SseTestClient {
  readonly messages: SseMessage[] = [];
  comments = 0;
  ended = false;
  private pending = '';
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly request: ClientRequest,
    readonly status: number,
    readonly headers: IncomingHttpHeaders,
  ) {}

  /** Connects and resolves once the response headers arrived. Non-200 answers carry their body in `body`. */
  static connect(url: string, headers: Record<string, string> = {}): Promise<SseTestClient & { body: string }> {
    return new Promise((resolve, reject) => {
      const request = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        const client = new SseTestClient(request, response.statusCode ?? 0, response.headers) as SseTestClient & { body: string };
        client.body = '';
        response.setEncoding('utf8');
        if (client.status !== 200) {
          response.on('data', (chunk: string) => (client.body += chunk));
          response.on('end', () => resolve(client));
          return;
        }
        response.on('data', (chunk: string) => client.receive(chunk));
        response.on('close', () => {
          client.ended = true;
          client.notify();
        });
        resolve(client);
      });
      request.on('error', reject);
    });
  }

  /** The first message (from index `from`) matching `predicate`, waiting up to `timeoutMs`. */
  async waitFor(predicate: (message: SseMessage) => boolean, options: { from?: number; timeoutMs?: number } = {}): Promise<SseMessage> {
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    for (;;) {
      const found = this.messages.slice(options.from ?? 0).find(predicate);
      if (found) return found;
      if (this.ended) throw new Error(`stream ended without the expected message; got ${JSON.stringify(this.messages)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a message; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Parsed `data` of the messages of one event type. */
  dataOf<T = Record<string, unknown>>(event: string): T[] {
    return this.messages.filter((m) => m.event === event).map((m) => JSON.parse(m.data) as T);
  }

  close(): void {
    this.request.destroy();
  }

  private receive(chunk: string): void {
    this.pending += chunk;
    let end: number;
    while ((end = this.pending.indexOf('\n\n')) >= 0) {
      const block = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + 2);
      const message: SseMessage = { event: 'message', data: '' };
      let dataLines: string[] | undefined;
      let fields = 0;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments += 1;
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        fields += 1;
        if (field === 'id') message.id = value;
        else if (field === 'event') message.event = value;
        else if (field === 'retry') message.retry = Number(value);
        else if (field === 'data') (dataLines ??= []).push(value);
      }
      if (fields === 0) continue;
      message.data = dataLines?.join('\n') ?? '';
      // An id-only block dispatches nothing but moves the position: kept, as event "(id)".
      if (dataLines === undefined && message.event === 'message') message.event = '(id)';
      this.messages.push(message);
    }
    this.notify();
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
