import { signal } from "@preact/signals";
import type { MessageKey } from "./i18n";
import type { Role } from "./types";

export interface Session {
  token: string;
  expiresAt: string;
  role: Role;
  username: string;
}

// Kept for the tab only (sessionStorage): closing the tab signs out, a second tab signs in apart.
const storageKey = "ops.session";

export const session = signal<Session | null>(null);
/** Why the sign-in page is showing, when it was not the user's choice. */
export const signInNotice = signal<MessageKey | null>(null);

let expiryTimer: number | undefined;

export function signIn(value: Session): void {
  sessionStorage.setItem(storageKey, JSON.stringify(value));
  signInNotice.value = null;
  session.value = value;
  scheduleExpiry(value);
}

export function signOut(notice: MessageKey | null = null): void {
  sessionStorage.removeItem(storageKey);
  clearTimeout(expiryTimer);
  signInNotice.value = notice;
  session.value = null;
}

export function hasRole(...roles: Role[]): boolean {
  const role = session.value?.role;
  return role !== undefined && roles.includes(role);
}

function scheduleExpiry(value: Session): void {
  clearTimeout(expiryTimer);
  const left = Date.parse(value.expiresAt) - Date.now();
  if (left <= 0) {
    signOut("signIn.expired");
    return;
  }
  // setTimeout holds at most ~24.8 days; tokens live hours.
  expiryTimer = window.setTimeout(() => signOut("signIn.expired"), Math.min(left, 2 ** 31 - 1));
}

function restore(): void {
  const stored = sessionStorage.getItem(storageKey);
  if (!stored) return;
  try {
    const value = JSON.parse(stored) as Session;
    if (Date.parse(value.expiresAt) > Date.now()) {
      session.value = value;
      scheduleExpiry(value);
    } else {
      signOut("signIn.expired");
    }
  } catch {
    sessionStorage.removeItem(storageKey);
  }
}
restore();
