// What a subscriber is: a name (its deliveries are tracked under it), the events it wants, and a
// function that handles one event. Delivery is at least once, so `deliver` must be idempotent:
// `delivery.key` is the same on every attempt of one (event, subscriber) and never otherwise.
import type { DomainEventName } from "./outbox";

export type DeliveredEvent = {
  id: string;
  name: DomainEventName;
  resourceId: string;
  data: Record<string, unknown>;
  createdAt: Date;
};

export type Subscriber = {
  name: string;
  handles(eventName: string): boolean;
  deliver(event: DeliveredEvent, delivery: { key: string; attempt: number }): Promise<void>;
};
