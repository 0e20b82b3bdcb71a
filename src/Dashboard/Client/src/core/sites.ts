import { computed, signal } from "@preact/signals";
import { api } from "./api";
import { live } from "./live";
import { hasRole } from "./session";
import type { EventView, GateView, Severity, Shelf, SiteConfig, SiteSummary, SituationView } from "./types";

const severityRank: Record<Severity, number> = { critical: 0, major: 1, minor: 2, info: 3 };
export const feedLength = 200;

/** Most urgent first: severity, then the oldest first within a severity. */
export function bySeverityThenAge(a: SituationView, b: SituationView): number {
  return severityRank[a.severity] - severityRank[b.severity] || Date.parse(a.raisedAt) - Date.parse(b.raisedAt);
}

export function isOpen(situation: SituationView): boolean {
  return situation.state !== "resolved" && !situation.groupedInto;
}

export interface Arrival {
  situation: SituationView;
  at: number;
}

/** The live picture of one site: its open situations, gates, feed and shelves, kept current by pushes
 * and reloaded whole after every reconnect. */
export class SiteStore {
  readonly situations = signal<ReadonlyMap<string, SituationView>>(new Map());
  readonly gates = signal<ReadonlyMap<string, GateView>>(new Map());
  readonly feed = signal<readonly EventView[]>([]);
  readonly shelves = signal<readonly Shelf[]>([]);
  readonly config = signal<SiteConfig | null>(null);
  /** Situations that arrived while this view was open (for the short highlight and the alarm). */
  readonly arrivals = signal<ReadonlyMap<string, number>>(new Map());
  readonly loaded = signal(false);

  readonly board = computed(() => [...this.situations.value.values()].filter(isOpen).sort(bySeverityThenAge));
  readonly timeZone = computed(() => this.config.value?.timeZone);

  private readonly onArrival = new Set<(situation: SituationView) => void>();
  private readonly onChange = new Set<(before: SituationView | undefined, after: SituationView) => void>();
  private stopListening: (() => void) | null = null;
  private pushedDuringResync: Map<string, SituationView> | null = null;

  constructor(readonly siteId: string) {}

  open(): void {
    this.stopListening = live.listen({
      situationChanged: (situation) => situation.siteId === this.siteId && this.apply(situation, true),
      gateChanged: (gate) => {
        if (gate.siteId !== this.siteId) return;
        const gates = new Map(this.gates.value);
        gates.set(gate.gateId, { ...gates.get(gate.gateId), ...gate });
        this.gates.value = gates;
      },
      events: (events) => {
        const mine = events.filter((event) => event.siteId === this.siteId);
        if (mine.length === 0) return;
        this.feed.value = [...mine.reverse(), ...this.feed.value].slice(0, feedLength);
        this.touchGates(mine);
      },
      resync: () => void this.resync(),
    });
    // Join before loading: a situation raised between the load and the join would otherwise be missed.
    void live.join(this.siteId).then(() => this.load());
  }

  close(): void {
    this.stopListening?.();
    live.leave(this.siteId);
  }

  whenArrived(listener: (situation: SituationView) => void): () => void {
    this.onArrival.add(listener);
    return () => this.onArrival.delete(listener);
  }

  whenChanged(listener: (before: SituationView | undefined, after: SituationView) => void): () => void {
    this.onChange.add(listener);
    return () => this.onChange.delete(listener);
  }

  /** Takes a situation as the hub answered or pushed it. */
  apply(situation: SituationView, pushed = false): void {
    if (pushed) this.pushedDuringResync?.set(situation.id, situation);
    const before = this.situations.value.get(situation.id);
    const situations = new Map(this.situations.value);
    if (isOpen(situation)) situations.set(situation.id, situation);
    else situations.delete(situation.id);
    this.situations.value = situations;
    this.onChange.forEach((listener) => listener(before, situation));
    if (pushed && !before && isOpen(situation) && !situation.shelved) {
      const arrivals = new Map(this.arrivals.value);
      arrivals.set(situation.id, Date.now());
      this.arrivals.value = arrivals;
      this.onArrival.forEach((listener) => listener(situation));
    }
  }

  async loadShelves(): Promise<void> {
    if (hasRole("admin", "operator"))
      this.shelves.value = await api<Shelf[]>(`/api/sites/${this.siteId}/shelves`);
  }

  private async load(): Promise<void> {
    const operator = hasRole("admin", "operator");
    const [config, feed] = await Promise.all([
      api<SiteConfig>(`/api/sites/${this.siteId}`).catch(() => null),
      operator ? api<EventView[]>(`/api/sites/${this.siteId}/events?limit=${feedLength}`).catch(() => []) : Promise.resolve([]),
    ]);
    this.config.value = config;
    if (this.feed.value.length === 0) this.feed.value = feed;
    await this.resync();
  }

  /** Reloads what pushes may have missed: the open situations, the gates and the shelves. */
  async resync(): Promise<void> {
    const operator = hasRole("admin", "operator");
    // Pushes that arrive while the list is on its way may be newer than the list: they are applied again after it.
    const pushed = new Map<string, SituationView>();
    this.pushedDuringResync = pushed;
    const [open, gates] = await Promise.all([
      (live.connected
        ? live.invoke<SituationView[]>("GetOpenSituations", this.siteId)
        : api<SituationView[]>(`/api/sites/${this.siteId}/situations?state=open`)
      ).catch(() => null),
      operator ? api<GateView[]>(`/api/sites/${this.siteId}/gates`).catch(() => null) : Promise.resolve(null),
      this.loadShelves().catch(() => undefined),
    ]);
    if (open) {
      const known = this.situations.value;
      const next = new Map<string, SituationView>();
      for (const situation of open) next.set(situation.id, situation);
      this.situations.value = next;
      if (this.pushedDuringResync === pushed) this.pushedDuringResync = null;
      for (const situation of pushed.values()) this.apply(situation);
      // Raised while the connection was down: announce those too.
      if (this.loaded.value) for (const situation of open) if (!known.has(situation.id)) this.apply(situation, true);
    }
    if (this.pushedDuringResync === pushed) this.pushedDuringResync = null;
    if (gates) this.gates.value = new Map(gates.map((gate) => [gate.gateId, gate]));
    this.loaded.value = true;
  }

  private touchGates(events: EventView[]): void {
    const gates = new Map(this.gates.value);
    let changed = false;
    for (const event of events) {
      const gate = gates.get(event.gateId);
      if (gate && (!gate.lastEventAt || Date.parse(event.at) > Date.parse(gate.lastEventAt))) {
        gates.set(event.gateId, { ...gate, lastEventAt: event.at });
        changed = true;
      }
    }
    if (changed) this.gates.value = gates;
  }
}

/** The sites the signed-in user may see. */
export const sites = signal<SiteSummary[]>([]);
const chosenKey = "ops.site";
export const chosenSite = signal<string | null>(localStorage.getItem(chosenKey));
chosenSite.subscribe((siteId) => siteId && localStorage.setItem(chosenKey, siteId));

export async function loadSites(): Promise<void> {
  sites.value = await api<SiteSummary[]>("/api/sites");
  if (!sites.value.some((site) => site.siteId === chosenSite.value)) chosenSite.value = sites.value[0]?.siteId ?? null;
}

/** The chosen site's configuration (its time zone above all), for pages that show one site. */
export const chosenConfig = signal<SiteConfig | null>(null);
chosenSite.subscribe((siteId) => {
  chosenConfig.value = null;
  if (siteId) api<SiteConfig>(`/api/sites/${siteId}`).then((config) => chosenSite.value === siteId && (chosenConfig.value = config), () => undefined);
});

export function siteName(siteId: string): string {
  return sites.value.find((site) => site.siteId === siteId)?.name ?? siteId;
}
