import { api } from "./api";
import type { SituationView } from "./types";

// What people do with a situation, over HTTP: each answers the changed situation, which the caller
// applies at once (the push that follows brings the same view to every other screen).

export function acknowledge(id: string, note?: string): Promise<SituationView> {
  return api<SituationView>(`/api/situations/${encodeURIComponent(id)}/acknowledge`, { method: "POST", json: { note: note || undefined } });
}

export function resolve(id: string, note?: string): Promise<SituationView> {
  return api<SituationView>(`/api/situations/${encodeURIComponent(id)}/resolve`, { method: "POST", json: { note: note || undefined } });
}

export function assign(id: string, username: string): Promise<SituationView> {
  return api<SituationView>(`/api/situations/${encodeURIComponent(id)}/assign`, { method: "POST", json: { username } });
}

export function tick(id: string, step: number, done: boolean): Promise<SituationView> {
  return api<SituationView>(`/api/situations/${encodeURIComponent(id)}/checklist/${step}`, { method: "POST", json: { done } });
}

export function details(id: string): Promise<SituationView> {
  return api<SituationView>(`/api/situations/${encodeURIComponent(id)}`);
}
