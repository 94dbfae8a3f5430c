import { describe, expect, it } from '@jest/globals';
import { containsPattern, ListParams, listCondition, pageOffset } from './list-query.ts';

const owner = { kind: 'guest' as const, id: '3e9a8d6b-4a5f-4b82-9dce-3f4a5b6c7d8e' };

describe('draft list query', () => {
  it('escapes LIKE wildcards and the escape character itself', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern('acme')).toBe('%acme%');
  });

  it('always scopes to the owner and live drafts, then adds the filters as parameters', () => {
    const bare = listCondition(owner, {});
    expect(bare.sql).toMatch(/owner_kind = \$slonik_1 and owner_id = \$slonik_2 and not deleted/);
    expect(bare.values).toEqual(['guest', owner.id]);
    const filtered = listCondition(owner, { status: 'READY', q: "x' or 1=1 --" });
    expect(filtered.sql).not.toContain('1=1');
    expect(filtered.sql).toContain('"resume_display_name" ilike');
    expect(filtered.values).toEqual(['guest', owner.id, 'READY', "%x' or 1=1 --%", "%x' or 1=1 --%", "%x' or 1=1 --%", "%x' or 1=1 --%"]);
  });

  it('reads page and pageSize strictly, capping pageSize at 100', () => {
    expect(ListParams.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(ListParams.parse({ page: '3', pageSize: '10', q: '  ', status: 'DRAFT' })).toEqual({ page: 3, pageSize: 10, status: 'DRAFT' });
    expect(ListParams.safeParse({ pageSize: '101' }).success).toBe(false);
    expect(ListParams.safeParse({ page: '0' }).success).toBe(false);
    expect(ListParams.safeParse({ status: 'DELETED' }).success).toBe(false);
    expect(pageOffset({ page: 3, pageSize: 10 })).toBe(20);
  });
});
