import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { advisoryLocks } from './advisory-locks.ts';
import { loadMigrations } from './migrate.ts';
import { splitStatements } from './split-statements.ts';

describe('splitting a migration into statements', () => {
  it('cuts at semicolons outside strings, identifiers, comments and dollar quotes', () => {
    const script = `
      -- a comment; with a semicolon
      create table "odd;name" (x text default 'a;b''c');
      /* block; comment */
      create function f() returns int language plpgsql as $body$ begin return 1; end $body$;
      select $$;$$;
      select 1`;
    expect(splitStatements(script)).toEqual([
      `-- a comment; with a semicolon\n      create table "odd;name" (x text default 'a;b''c')`,
      `/* block; comment */\n      create function f() returns int language plpgsql as $body$ begin return 1; end $body$`,
      'select $$;$$',
      'select 1',
    ]);
  });

  it('drops empty and comment-only pieces, and refuses unterminated quotes', () => {
    expect(splitStatements(';; -- nothing\n;')).toEqual([]);
    expect(() => splitStatements("select 'oops")).toThrow(/unterminated/);
    expect(() => splitStatements('select $x$ never closed')).toThrow(/unterminated/);
  });

  it('finds the platform migrations in order, and their lock keys match advisory-locks.ts', () => {
    const names = loadMigrations().map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('0001_event_store.sql');
    const eventStore = readFileSync(new URL('./migrations/0001_event_store.sql', import.meta.url), 'utf8');
    expect(eventStore).toContain(`pg_advisory_lock(${advisoryLocks.eventPositions})`);
    expect(eventStore).toContain(`pg_advisory_xact_lock(${advisoryLocks.eventAppendsSerialised})`);
    expect(eventStore).toContain(`pg_advisory_xact_lock(${advisoryLocks.eventStreamNamespace}, hashtext(p_stream_id))`);
  });
});
