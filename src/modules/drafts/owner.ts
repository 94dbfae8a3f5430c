import type { EventStore } from '../../platform/event-store/index.ts';
import { accountStreams, ownerOfActor, type GuestActor, type UserActor } from '../accounts/index.ts';
import type { GuestConversion } from './decide.ts';
import type { DraftOwner } from './events.ts';

// Who a request acts for, in the drafts' terms, and whether a guest has since become a user.
// Commands decide from streams, never from read models: a guest's conversion is read from the
// guest's own stream (GuestConverted), so a claimed draft answers to its user — and stops
// answering to the old guest cookie — the moment the claim is written, with no projector lag.

export function ownerOf(actor: UserActor | GuestActor): DraftOwner {
  return ownerOfActor(actor);
}

export async function conversionOf(eventStore: EventStore, owner: DraftOwner | null): Promise<GuestConversion | null> {
  if (owner?.kind !== 'guest') return null;
  const events = await eventStore.readStream(accountStreams.guest(owner.id));
  const converted = events.find((event) => event.type === 'GuestConverted');
  if (!converted) return null;
  const data = converted.data as { guestId: string; userId: string };
  return { guestId: data.guestId, userId: data.userId };
}
