/** Kinds of event the model reports (the TUI's log and the run's events list). */
export const EVENT_KINDS = [
  'stage-reached',
  'cooperative-founded',
  'enterprise-founded',
  'enterprise-joined',
  'enterprise-closed',
  'integration-link',
  'mismanagement',
  'elite-capture',
  'rat-held',
  'rat-skipped',
  'cooperative-inactive',
  'cooperative-revived',
  'savings-lost',
  'credit-default',
  'federation-formed',
  'institution-founded',
  'regional-shock',
  'credit-received',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Something that happened in one region (region -1: the whole scenario) in one month. */
export interface SimEvent {
  readonly month: number;
  readonly region: number;
  readonly kind: EventKind;
  readonly message: string;
}
