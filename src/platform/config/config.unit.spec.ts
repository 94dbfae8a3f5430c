import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ConfigError, configKeys, describeConfig, loadConfig } from './index.ts';

describe('configuration', () => {
  it('fills every default on an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:54329/resume_coach');
    expect(config.temporalAddress).toBe('127.0.0.1:7233');
    expect(config.corsOrigins).toEqual(['http://localhost:3000']);
  });

  it('names every bad variable and never echoes its value', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', TEMPORAL_ADDRESS: 'no-port-here', EVENTSTORE_URL: 'http://secret-host' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.map((p) => p.variable).sort();
    expect(problems).toEqual(['EVENTSTORE_URL', 'PORT', 'TEMPORAL_ADDRESS']);
    expect((error as Error).message).not.toContain('secret-host');
  });

  it('treats an empty variable as unset, like an untouched line of .env.example', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('rejects a port out of range and an unknown NODE_ENV', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('masks secrets when the configuration is described for logs', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app:hunter2@db:5432/resume' });
    const described = JSON.stringify(describeConfig(config));
    expect(described).not.toContain('hunter2');
    expect(described).toContain('db:5432');
  });

  it('.env.example documents every variable, each with a comment, and nothing unknown', () => {
    const lines = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8').split('\n');
    const documented = lines.flatMap((line, i) => {
      const match = /^([A-Z0-9_]+)=/.exec(line);
      if (!match) return [];
      expect(lines[i - 1]?.startsWith('#')).toBe(true);
      return [match[1]];
    });
    expect(documented.sort()).toEqual([...configKeys].sort());
  });
});
