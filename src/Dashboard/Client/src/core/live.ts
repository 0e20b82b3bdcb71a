import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { signal } from "@preact/signals";
import { api } from "./api";
import { session } from "./session";
import type { EventView, GateView, SituationView } from "./types";

export type LinkState = "connecting" | "live" | "reconnecting" | "offline";

/** The state of the live connection, always shown on screen. */
export const link = signal<LinkState>("connecting");

export interface LiveListener {
  situationChanged?(situation: SituationView): void;
  gateChanged?(gate: GateView): void;
  events?(events: EventView[]): void;
  /** The connection is (back) up and the sites are joined: reload what may have been missed. */
  resync?(): void;
}

const retryDelays = [0, 1000, 2000, 4000, 8000];

/** The hub closes the connections of a user whose password, role or sites changed and refuses their
 * token from then on, which SignalR only reports as a lost connection: asking the API says whether the
 * token still holds, and a 401 there returns to sign-in with a message. */
function checkSignIn(): void {
  api("/api/me").catch(() => undefined);
}

/** One SignalR connection to `/hubs/ops` for the tab: joins sites, hands pushes to listeners, and
 * after every reconnect joins again and asks listeners to resync, so nothing raised meanwhile is missed. */
class LiveConnection {
  private connection: HubConnection | null = null;
  private readonly sites = new Map<string, number>();
  private readonly listeners = new Set<LiveListener>();
  private restartTimer: number | undefined;

  listen(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Joins a site (counted: several views may join the same site). */
  async join(siteId: string): Promise<void> {
    const count = this.sites.get(siteId) ?? 0;
    this.sites.set(siteId, count + 1);
    if (count === 0 && this.connection?.state === HubConnectionState.Connected) {
      await this.connection.invoke("JoinSite", siteId).catch(() => undefined);
    }
  }

  leave(siteId: string): void {
    const count = this.sites.get(siteId) ?? 0;
    if (count <= 1) {
      this.sites.delete(siteId);
      if (this.connection?.state === HubConnectionState.Connected)
        this.connection.invoke("LeaveSite", siteId).catch(() => undefined);
    } else {
      this.sites.set(siteId, count - 1);
    }
  }

  get connected(): boolean {
    return this.connection?.state === HubConnectionState.Connected;
  }

  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    if (!this.connection || !this.connected) return Promise.reject(new Error("not connected"));
    return this.connection.invoke<T>(method, ...args);
  }

  start(): void {
    if (this.connection) return;
    const connection = new HubConnectionBuilder()
      .withUrl("/hubs/ops", { accessTokenFactory: () => session.value?.token ?? "" })
      .withAutomaticReconnect({
        // Never give up while signed in: a control room screen must come back by itself.
        nextRetryDelayInMilliseconds: (context) => retryDelays[context.previousRetryCount] ?? 10_000,
      })
      .configureLogging(LogLevel.None)
      .build();
    connection.on("situationChanged", (situation: SituationView) =>
      this.listeners.forEach((l) => l.situationChanged?.(situation)));
    connection.on("gateChanged", (gate: GateView) => this.listeners.forEach((l) => l.gateChanged?.(gate)));
    connection.on("events", (events: EventView[]) => this.listeners.forEach((l) => l.events?.(events)));
    connection.onreconnecting(() => {
      link.value = "reconnecting";
      checkSignIn();
    });
    connection.onreconnected(() => void this.joined());
    connection.onclose(() => {
      if (this.connection !== connection) return;
      link.value = "offline";
      this.scheduleStart(2000);
    });
    this.connection = connection;
    link.value = "connecting";
    void this.connect();
  }

  stop(): void {
    clearTimeout(this.restartTimer);
    const connection = this.connection;
    this.connection = null;
    this.sites.clear();
    link.value = "connecting";
    void connection?.stop();
  }

  private async connect(): Promise<void> {
    const connection = this.connection;
    if (!connection || connection.state !== HubConnectionState.Disconnected) return;
    try {
      await connection.start();
      await this.joined();
    } catch {
      if (this.connection === connection) {
        link.value = "offline";
        checkSignIn();
        this.scheduleStart(3000);
      }
    }
  }

  private scheduleStart(delay: number): void {
    clearTimeout(this.restartTimer);
    this.restartTimer = window.setTimeout(() => void this.connect(), delay);
  }

  private async joined(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    await Promise.all([...this.sites.keys()].map((siteId) => connection.invoke("JoinSite", siteId).catch(() => undefined)));
    link.value = "live";
    this.listeners.forEach((l) => l.resync?.());
  }
}

export const live = new LiveConnection();

session.subscribe((value) => {
  if (value) live.start();
  else live.stop();
});
