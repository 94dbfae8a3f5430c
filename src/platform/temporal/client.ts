import { Client, Connection } from '@temporalio/client';
import { temporalConnection } from '../../../temporal.config.ts';

export type TemporalClient = { client: Client; connection: Connection; close(): Promise<void> };

/** One client per process: the API and the dispatcher start workflows and send signals with it. */
export async function connectTemporalClient(config: { TEMPORAL_NAMESPACE: string; temporalAddress: string }): Promise<TemporalClient> {
  const { namespace, address } = temporalConnection(config);
  const connection = await Connection.connect({ address, connectTimeout: '5 seconds' });
  const client = new Client({ connection, namespace });
  return { client, connection, close: () => connection.close() };
}

/** A client that connects on first use: a process can start before Temporal and still send later. */
export function lazyTemporalClient(config: { TEMPORAL_NAMESPACE: string; temporalAddress: string }): TemporalClient {
  const { namespace, address } = temporalConnection(config);
  const connection = Connection.lazy({ address, connectTimeout: '5 seconds' });
  const client = new Client({ connection, namespace });
  return { client, connection, close: () => connection.close() };
}
