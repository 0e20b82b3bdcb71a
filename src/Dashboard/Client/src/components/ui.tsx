import { signal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import { ApiError } from "../core/api";
import { t, word } from "../core/i18n";
import type { Severity, SituationState } from "../core/types";

const severityIcons: Record<Severity, string> = { critical: "⬣", major: "▲", minor: "◆", info: "●" };

/** Severity as colour, shape and word together, so it reads without colour too. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span class={`sev sev-${severity}`}>
      <span aria-hidden="true">{severityIcons[severity]}</span> {word(severity)}
    </span>
  );
}

export function StateBadge({ state, active, shelved }: { state: SituationState; active: boolean; shelved?: boolean | undefined }) {
  return (
    <span class={`state state-${state}`}>
      {word(state)}
      {!active && state !== "resolved" && <span class="tag tag-cleared">{t("board.cleared")}</span>}
      {shelved && <span class="tag tag-shelved">{t("board.shelved")}</span>}
    </span>
  );
}

export interface Toast {
  id: number;
  text: string;
  kind: "ok" | "error";
}

export const toasts = signal<Toast[]>([]);
let nextToast = 1;

export function notify(text: string, kind: Toast["kind"] = "ok"): void {
  const toast = { id: nextToast++, text, kind };
  toasts.value = [...toasts.value, toast].slice(-4);
  setTimeout(() => (toasts.value = toasts.value.filter((item) => item.id !== toast.id)), kind === "error" ? 9000 : 5000);
}

/** What to tell the user about a failed call. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.offline) return t("error.network");
    if (error.status === 403) return t("error.forbidden");
    return t("error.generic", { detail: error.message });
  }
  return t("error.generic", { detail: String(error) });
}

export function failed(error: unknown): void {
  notify(errorText(error), "error");
}

/** A form's submit handler: busy while the call runs; a failure is reported and the form stays open. */
export function useSubmit(action: () => Promise<unknown>): [boolean, (event?: Event) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const submit = async (event?: Event) => {
    event?.preventDefault();
    setBusy(true);
    try {
      await action();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };
  return [busy, submit];
}

export function Toasts() {
  return (
    <div class="toasts" role="status" aria-live="polite">
      {toasts.value.map((toast) => (
        <div key={toast.id} class={`toast toast-${toast.kind}`}>{toast.text}</div>
      ))}
    </div>
  );
}

/** A modal dialog (the browser's own: focus stays inside, Esc closes). */
export function Dialog(props: { title: string; onClose: () => void; children: ComponentChildren; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} class={props.wide ? "wide" : ""} aria-labelledby={titleId} onClose={props.onClose}
      onCancel={(event) => { event.preventDefault(); props.onClose(); }}>
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/** A labelled form field. */
export function Field(props: { label: string; children: ComponentChildren; hint?: string | undefined }) {
  return (
    <label class="field">
      <span class="field-label">{props.label}</span>
      {props.children}
      {props.hint && <span class="field-hint">{props.hint}</span>}
    </label>
  );
}

/** Form buttons: cancel and a primary submit. */
export function DialogButtons(props: { submit: string; onCancel: () => void; busy?: boolean; danger?: boolean }) {
  return (
    <div class="dialog-buttons">
      <button type="button" class="btn" onClick={props.onCancel}>{t("action.cancel")}</button>
      <button type="submit" class={`btn ${props.danger ? "btn-danger" : "btn-primary"}`} disabled={props.busy}>{props.submit}</button>
    </div>
  );
}
