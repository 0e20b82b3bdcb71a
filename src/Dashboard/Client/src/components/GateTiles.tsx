import { useState } from "preact/hooks";
import { api } from "../core/api";
import { age, clock, duration, now, shortTime } from "../core/format";
import { t, word } from "../core/i18n";
import type { SiteStore } from "../core/sites";
import type { GateView, Shelf } from "../core/types";
import { Dialog, DialogButtons, Field, failed, notify, useSubmit } from "./ui";

const shelvableKinds = ["door-held", "door-forced", "tamper", "gate-fault", "gate-offline", "anti-passback", "no-entry-record", "card-help"];

function stateWord(value: string | undefined): string {
  if (!value) return "—";
  const key = ({ open: "state.open", opened: "state.open", closed: "state.closed", held: "state.held", forced: "state.forced" } as const)[value as "open"];
  return key ? t(key) : value;
}

function OpenDialog(props: { store: SiteStore; gate: GateView; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const [busy, submit] = useSubmit(async () => {
    await api(`/api/sites/${props.store.siteId}/gates/${props.gate.gateId}/open`, { method: "POST", json: { reason: reason.trim() } });
    notify(t("gates.open.done", { gate: props.gate.name }));
    props.onClose();
  });
  return (
    <Dialog title={t("gates.open.title", { gate: props.gate.name })} onClose={props.onClose}>
      <form onSubmit={submit}>
        <Field label={t("gates.open.reason")}>
          <input name="reason" required maxLength={500} value={reason} onInput={(event) => setReason(event.currentTarget.value)} autoFocus />
        </Field>
        <DialogButtons submit={t("action.open")} onCancel={props.onClose} busy={busy || !reason.trim()} danger />
      </form>
    </Dialog>
  );
}

function ShelveDialog(props: { store: SiteStore; gate: GateView; onClose: () => void }) {
  const [kind, setKind] = useState(shelvableKinds[0]!);
  const [minutes, setMinutes] = useState(30);
  const [reason, setReason] = useState("");
  const [busy, submit] = useSubmit(async () => {
    await api(`/api/sites/${props.store.siteId}/gates/${props.gate.gateId}/shelve`, {
      method: "POST", json: { kind, minutes, reason: reason.trim() },
    });
    await props.store.loadShelves();
    props.onClose();
  });
  return (
    <Dialog title={t("gates.shelve.title", { gate: props.gate.name })} onClose={props.onClose}>
      <form onSubmit={submit}>
        <Field label={t("gates.shelve.kind")}>
          <select name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value)}>
            {shelvableKinds.map((value) => <option key={value} value={value}>{word(value)}</option>)}
          </select>
        </Field>
        <Field label={t("gates.shelve.minutes")}>
          <input name="minutes" type="number" min={1} max={1440} required value={minutes}
            onInput={(event) => setMinutes(Number(event.currentTarget.value))} />
        </Field>
        <Field label={t("gates.shelve.reason")}>
          <input name="reason" required maxLength={500} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
        </Field>
        <DialogButtons submit={t("action.shelve")} onCancel={props.onClose} busy={busy || !reason.trim() || !(minutes >= 1)} />
      </form>
    </Dialog>
  );
}

function GateTile(props: { store: SiteStore; gate: GateView; shelves: readonly Shelf[]; onOpen: () => void; onShelve: () => void }) {
  const { gate } = props;
  const timeZone = props.store.timeZone.value;
  const silentSeconds = gate.lastEventAt ? (now.value - Date.parse(gate.lastEventAt)) / 1000 : null;
  const unshelve = async (kind: string) => {
    try {
      await api(`/api/sites/${props.store.siteId}/gates/${gate.gateId}/shelve/${encodeURIComponent(kind)}`, { method: "DELETE" });
      await props.store.loadShelves();
    } catch (error) {
      failed(error);
    }
  };
  return (
    <li class={`tile ${gate.online ? "" : "tile-offline"}`} data-gate={gate.gateId} aria-label={gate.name}>
      <div class="tile-head">
        <span class="tile-name">{gate.name}</span>
        <span class="tile-kind">{t(gate.kind === "vehicle" ? "kind.vehicle" : "kind.pedestrian")}</span>
      </div>
      <div class={gate.online ? "tile-status" : "tile-status offline"}>
        {gate.online ? <>● {t("gates.online")}</> : (
          <>✕ {silentSeconds === null ? t("gates.offline") : t("gates.offlineFor", { age: duration(silentSeconds) })}</>
        )}
      </div>
      <dl class="tile-facts">
        {gate.kind === "pedestrian"
          ? <><dt>{t("gates.door")}</dt><dd class={gate.door === "held" || gate.door === "forced" ? "abnormal" : ""}>{stateWord(gate.door)}</dd></>
          : <><dt>{t("gates.barrier")}</dt><dd>{stateWord(gate.barrier)}</dd></>}
        <dt>{t("gates.lastEvent")}</dt>
        <dd title={gate.lastEventAt ? age(gate.lastEventAt) : ""}>{gate.lastEventAt ? shortTime(gate.lastEventAt, timeZone) : t("gates.never")}</dd>
      </dl>
      {props.shelves.map((shelf) => (
        <div key={shelf.kind} class="tile-shelf">
          {t("gates.shelve.until", { kind: word(shelf.kind), time: clock(shelf.until, timeZone).slice(0, 5) })}
          <button type="button" class="btn btn-link" onClick={() => void unshelve(shelf.kind)}>{t("action.unshelve")}</button>
        </div>
      ))}
      <div class="tile-actions">
        <button type="button" class="btn btn-small" onClick={props.onOpen}>{t("action.open")}</button>
        <button type="button" class="btn btn-small" onClick={props.onShelve}>{t("action.shelve")}</button>
      </div>
    </li>
  );
}

/** One tile per gate: online or not, door or barrier, last event; remote open and shelving. */
export function GateTiles(props: { store: SiteStore }) {
  const [opening, setOpening] = useState<GateView | null>(null);
  const [shelving, setShelving] = useState<GateView | null>(null);
  const gates = [...props.store.gates.value.values()].sort((a, b) =>
    Number(a.online) - Number(b.online) || a.name.localeCompare(b.name));
  const shelves = props.store.shelves.value;
  if (gates.length === 0) return <p class="empty">{t("gates.empty")}</p>;
  return (
    <>
      <ul class="tiles" data-testid="gates">
        {gates.map((gate) => (
          <GateTile key={gate.gateId} store={props.store} gate={gate} shelves={shelves.filter((shelf) => shelf.gateId === gate.gateId)}
            onOpen={() => setOpening(gate)} onShelve={() => setShelving(gate)} />
        ))}
      </ul>
      {opening && <OpenDialog store={props.store} gate={opening} onClose={() => setOpening(null)} />}
      {shelving && <ShelveDialog store={props.store} gate={shelving} onClose={() => setShelving(null)} />}
    </>
  );
}
