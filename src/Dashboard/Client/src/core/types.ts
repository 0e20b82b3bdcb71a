// The hub's JSON as the pages receive it (camelCase; absent fields are omitted, not null).

export type Role = "admin" | "operator" | "staff";
export type Severity = "critical" | "major" | "minor" | "info";
export type SituationState = "raised" | "acknowledged" | "resolved";

export const severities: readonly Severity[] = ["critical", "major", "minor", "info"];

export interface ChecklistItem {
  step: string;
  done: boolean;
}

export interface HistoryEntry {
  at: string;
  by: string;
  action: string;
  note?: string;
}

export interface SituationView {
  id: string;
  siteId: string;
  kind: string;
  severity: Severity;
  state: SituationState;
  active: boolean;
  title: string;
  detail?: string;
  gateId?: string;
  residentId?: string;
  unit?: string;
  raisedAt: string;
  lastAt: string;
  occurrences: number;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  resolvedAt?: string;
  resolvedBy?: string;
  assignee?: string;
  escalationLevel: number;
  checklist: ChecklistItem[];
  shelved?: boolean;
  groupedInto?: string;
  dueAt?: string;
  history?: HistoryEntry[];
}

export interface GateView {
  siteId: string;
  gateId: string;
  name: string;
  kind: "vehicle" | "pedestrian";
  direction: "in" | "out" | "both";
  building?: string;
  heartbeatSeconds: number;
  openSeconds: number;
  online: boolean;
  barrier?: string;
  door?: string;
  lastEventAt?: string;
}

export interface GateProvisioned extends GateView {
  mqtt?: { username: string; password: string };
}

export interface EventView {
  siteId: string;
  gateId: string;
  eventId: string;
  type: string;
  at: string;
  direction?: string;
  residentId?: string;
  residentName?: string;
  plate?: string;
  cardTail?: string;
  action?: string;
  reason?: string;
  /** The fee due or charged on exit, or the amount of a payment. */
  amountCents?: number;
}

export interface Presence {
  inside?: boolean;
  lastSeenAt?: string;
  lastGateId?: string;
}

export interface Resident {
  residentId: string;
  name: string;
  unit: string;
  building?: string;
  phone?: string;
  birthday?: string;
  care: string[];
  cards: string[];
  plates: string[];
  notes?: string;
  active: boolean;
  presence?: Presence;
}

export const careTags = [
  "elderly", "lives-alone", "child", "disabled", "wheelchair",
  "visually-impaired", "hearing-impaired", "ill", "pregnant",
] as const;

export interface SiteSummary {
  siteId: string;
  name: string;
}

export interface SiteConfig {
  name: string;
  timeZone: string;
  language: string;
}

export interface Me {
  username: string;
  role: Role;
  displayName?: string;
  sites: string[];
}

export interface SiteUser {
  username: string;
  displayName?: string;
  role: Role;
}

export interface ActivityMinute {
  at: string;
  events: number;
  critical: number;
  major: number;
  minor: number;
  info: number;
}

export interface Activity {
  from: string;
  to: string;
  minutes: ActivityMinute[];
}

export interface Shelf {
  gateId: string;
  kind: string;
  until: string;
  by: string;
  reason: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  rejected: { row: number; reason: string }[];
  /** Every rejected row; `rejected` lists the first 100. */
  rejectedCount: number;
  dryRun: boolean;
}

export interface TokenResponse {
  accessToken: string;
  expiresAt: string;
  role: Role;
}

/** Response times of one staff member or one kind of situation (seconds; absent when none). */
export interface ResponseFigures {
  key: string;
  count: number;
  acknowledged: number;
  acknowledgeMedianSeconds?: number;
  acknowledgeP90Seconds?: number;
  resolved: number;
  resolveMedianSeconds?: number;
  resolveP90Seconds?: number;
}

export interface ResponseReport {
  siteId: string;
  from: string;
  to: string;
  byUser: ResponseFigures[];
  byKind: ResponseFigures[];
}

export interface TrafficRow {
  date: string;
  hour: number;
  gateId: string;
  in: number;
  out: number;
  denied: number;
}

export interface RevenueRow {
  date: string;
  payments: number;
  revenueCents: number;
}

export interface SituationWeekRow {
  week: string;
  kind: string;
  raised: number;
  acknowledged: number;
  resolved: number;
}

/** A report over days of the site's calendar (`YYYY-MM-DD`, both included). */
export interface DayReport<Row> {
  siteId: string;
  from: string;
  to: string;
  timeZone: string;
  rows: Row[];
}
