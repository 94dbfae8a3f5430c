import { sql, type DatabasePool } from 'slonik';
import { z } from 'zod';

// Queries over the accounts read models (src/projections/users.ts, sessions.ts, users-guests.ts).
// Only queries: no command decides from these rows.

const userRow = z.object({
  user_id: z.string(), email_sealed: z.string(), display_name_sealed: z.string().nullable(),
  plan: z.enum(['FREE', 'PRO']), role: z.enum(['USER', 'SUPPORT', 'ADMIN']), created_at: z.number(),
});
export type UserRow = z.infer<typeof userRow>;

const sessionRow = z.object({
  session_id: z.string(), method: z.string(), ua_family: z.string().nullable(), started_at: z.number(), last_used_at: z.number(), expires_at: z.number(),
});
export type SessionRow = z.infer<typeof sessionRow>;

export type AccountReadModels = ReturnType<typeof createReadModels>;

export function createReadModels(pool: DatabasePool) {
  return {
    async user(userId: string): Promise<UserRow | null> {
      return pool.maybeOne(sql.type(userRow)`
        select user_id, email_sealed, display_name_sealed, plan, role, created_at from users where user_id = ${userId}`);
    },
    /** 'ended' once the session was logged out, revoked, or outlived by a password change or deletion. */
    async sessionStatus(sessionId: string): Promise<'live' | 'ended' | 'unknown'> {
      const row = await pool.maybeOne(sql.type(z.object({ ended: z.boolean() }))`
        select ended_at is not null as ended from sessions where session_id = ${sessionId}`);
      if (!row) return 'unknown';
      return row.ended ? 'ended' : 'live';
    },
    async liveSessions(userId: string, now: Date): Promise<readonly SessionRow[]> {
      return pool.any(sql.type(sessionRow)`
        select session_id, method, ua_family, started_at, last_used_at, expires_at from sessions
        where user_id = ${userId} and ended_at is null and expires_at > ${now.toISOString()}
        order by last_used_at desc limit 100`);
    },
    /** Guests who never signed up and came before `cutoff`, oldest first. */
    async guestsToPurge(cutoff: Date, limit: number): Promise<readonly string[]> {
      return pool.anyFirst(sql.type(z.object({ guest_id: z.string() }))`
        select guest_id from users_guests where converted_to is null and started_at < ${cutoff.toISOString()}
        order by started_at limit ${limit}`);
    },
  };
}

/** The plan behind a draft's owner, for work done outside a request (the pipeline's workers). */
export function createPlanLookup(pool: DatabasePool) {
  const readModels = createReadModels(pool);
  return async (owner: { kind: 'user' | 'guest'; id: string }): Promise<'GUEST' | 'FREE' | 'PRO'> => {
    if (owner.kind === 'guest') return 'GUEST';
    return (await readModels.user(owner.id))?.plan ?? 'FREE';
  };
}
