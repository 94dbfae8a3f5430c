import { connect, createServer, type Server, type Socket } from 'node:net';
import { freePort } from '../support/product.ts';

// A TCP hop in front of a test server (moto's S3) that the fault suite can take away and bring back
// on the same port. Closed, its port refuses connections and every open connection is reset: to the
// product this is exactly an S3 endpoint that went away, while the objects behind it stay stored (as
// they would in S3 itself; moto keeps them in memory only, so its own process must live on).

export class TcpGate {
  readonly port: number;
  readonly endpoint: string;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly upstream: { host: string; port: number };

  private constructor(port: number, upstream: { host: string; port: number }) {
    this.port = port;
    this.endpoint = `http://127.0.0.1:${port}`;
    this.upstream = upstream;
  }

  static async open(upstream: { host: string; port: number }): Promise<TcpGate> {
    const gate = new TcpGate(await freePort(), upstream);
    await gate.open();
    return gate;
  }

  get isOpen(): boolean {
    return this.server !== undefined;
  }

  async open(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.upstream.port, this.upstream.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Stops listening and resets every connection in flight. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    await closed;
  }
}
