import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Category } from './templates.ts';

// The unsubscribe link's token: `<base64url(userId:category)>.<HMAC-SHA256>`. Anyone holding the
// e-mail may use it (that is its point); nobody can make one for another person or category.

const categories = new Set<Category>(['account', 'receipts', 'updates', 'reminders']);
const sign = (secret: string, payload: string) => createHmac('sha256', `unsubscribe:${secret}`).update(payload).digest('base64url');

export function unsubscribeToken(secret: string, userId: string, category: Category): string {
  const payload = Buffer.from(`${userId}:${category}`, 'utf8').toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyUnsubscribeToken(secret: string, token: string): { userId: string; category: Category } | null {
  if (token.length > 300) return null;
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, category] = Buffer.from(payload, 'base64url').toString('utf8').split(':');
  if (!userId || !/^[0-9a-f-]{36}$/i.test(userId) || !categories.has(category as Category)) return null;
  return { userId, category: category as Category };
}
