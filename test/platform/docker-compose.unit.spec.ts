import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { configKeys, loadConfig } from '../../src/platform/config/index.ts';

// Docker cannot run on this machine, so the compose file is checked by reading it: every service
// the app needs is there, and every variable it hands the app is one the config schema knows.
type Service = { environment?: Record<string, string | number>; command?: string[]; depends_on?: unknown; build?: string };
const root = new URL('../../', import.meta.url);
const compose = parse(readFileSync(new URL('docker-compose.yml', root), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const appServices = ['api', 'worker', 'projector'];

describe('docker-compose.yml', () => {
  it('runs every service the product needs', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      expect.arrayContaining(['postgres', 'eventstoredb', 'temporal', 'temporal-ui', 'temporal-postgres', ...appServices]),
    );
  });

  it.each(appServices)('%s is built from the Dockerfile and starts an entry point that exists', (name) => {
    const service = compose.services[name]!;
    expect(service.build).toBe('.');
    const script = service.command?.[1];
    expect(script && existsSync(new URL(script, root))).toBe(true);
  });

  it.each(appServices)('%s sets only variables the config schema knows, with values it accepts', (name) => {
    const env = Object.fromEntries(
      Object.entries(compose.services[name]!.environment ?? {}).map(([k, v]) => [k, String(v).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]),
    );
    expect(Object.keys(env).filter((key) => !configKeys.includes(key))).toEqual([]);
    const config = loadConfig(env);
    expect(config.EVENTSTORE_URL).toMatch(/^esdb:\/\/eventstoredb/);
    expect(config.temporalAddress).toBe('temporal:7233');
    expect(config.databaseUrl).toMatch(/@postgres:5432\//);
  });

  it('wires the production adapters, not the embedded defaults', () => {
    const env = compose.services.worker!.environment ?? {};
    expect(env.EVENTSTORE_URL).toBeDefined();
    expect(env.TEMPORAL_ADDRESS).toBeDefined();
  });
});
