import { useEffect, useState } from "preact/hooks";
import { api } from "../core/api";
import { shortTime } from "../core/format";
import { t } from "../core/i18n";
import type { GateProvisioned, GateView, HistoryEntry, SiteConfig } from "../core/types";
import { History } from "../components/SituationDetails";
import { TopBar } from "../components/TopBar";
import { Dialog, Field, failed } from "../components/ui";

interface GateForm {
  gateId: string;
  name: string;
  kind: "pedestrian" | "vehicle";
  direction: "in" | "out" | "both";
  building: string;
  heartbeatSeconds: number;
  openSeconds: number;
}

const blank: GateForm = { gateId: "", name: "", kind: "pedestrian", direction: "both", building: "", heartbeatSeconds: 30, openSeconds: 5 };

function spec(gate: GateForm | GateView) {
  return {
    name: gate.name || undefined, kind: gate.kind, direction: gate.direction, building: gate.building || undefined,
    heartbeatSeconds: gate.heartbeatSeconds, openSeconds: gate.openSeconds,
  };
}

function Credentials(props: { gate: GateProvisioned; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const mqtt = props.gate.mqtt!;
  const copy = async () => {
    await navigator.clipboard.writeText(`${mqtt.username}\n${mqtt.password}`).then(() => setCopied(true), () => undefined);
  };
  return (
    <Dialog title={t("gateAdmin.credentials", { gate: props.gate.name })} onClose={props.onClose}>
      <p class="warning">{t("gateAdmin.credentialsOnce")}</p>
      <dl class="facts credentials" data-testid="credentials">
        <dt>{t("gateAdmin.username")}</dt><dd><code>{mqtt.username}</code></dd>
        <dt>{t("gateAdmin.password")}</dt><dd><code data-testid="mqtt-password">{mqtt.password}</code></dd>
      </dl>
      <div class="dialog-buttons">
        <button type="button" class="btn" onClick={() => void copy()}>{copied ? t("action.copied") : t("action.copy")}</button>
        <button type="button" class="btn btn-primary" onClick={props.onClose} autoFocus>{t("action.close")}</button>
      </div>
    </Dialog>
  );
}

function Audit(props: { siteId: string; gate: GateView; timeZone: string | undefined }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    setEntries(null);
    api<HistoryEntry[]>(`/api/sites/${props.siteId}/gates/${props.gate.gateId}/audit`).then(setEntries).catch(failed);
  }, [props.gate.gateId]);
  return (
    <section aria-labelledby="audit-title">
      <h3 id="audit-title">{t("gateAdmin.audit")} · {props.gate.name}</h3>
      {entries === null ? <p class="muted">{t("loading")}</p> : entries.length === 0 ? <p class="empty">{t("gateAdmin.auditEmpty")}</p> : (
        <History entries={entries} timeZone={props.timeZone} />
      )}
    </section>
  );
}

/** Gates for admins: provision, show the MQTT login once, rotate a secret, read the audit. */
export function Gates(props: { siteId: string }) {
  const [gates, setGates] = useState<GateView[]>([]);
  const [form, setForm] = useState<GateForm>(blank);
  const [issued, setIssued] = useState<GateProvisioned | null>(null);
  const [selected, setSelected] = useState<GateView | null>(null);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const load = () => api<GateView[]>(`/api/sites/${props.siteId}/gates`).then(setGates).catch(failed);
  useEffect(() => {
    void load();
    api<SiteConfig>(`/api/sites/${props.siteId}`).then((config) => setTimeZone(config.timeZone)).catch(() => undefined);
  }, [props.siteId]);

  const provision = async (gateId: string, body: ReturnType<typeof spec>, rotate: boolean) => {
    setBusy(true);
    try {
      const answer = await api<GateProvisioned>(`/api/sites/${props.siteId}/gates/${encodeURIComponent(gateId)}${rotate ? "?rotateSecret=true" : ""}`,
        { method: "PUT", json: body });
      if (answer.mqtt) setIssued(answer);
      await load();
      return true;
    } catch (error) {
      failed(error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await provision(form.gateId.trim(), spec(form), false)) setForm(blank);
  };
  const rotate = (gate: GateView) => {
    if (confirm(t("gateAdmin.rotateConfirm", { gate: gate.name }))) void provision(gate.gateId, spec(gate), true);
  };
  const input = (key: "gateId" | "name" | "building") => ({
    name: key, value: form[key], onInput: (event: Event) => setForm({ ...form, [key]: (event.currentTarget as HTMLInputElement).value }),
  });

  return (
    <div class="page gates-admin">
      <TopBar timeZone={timeZone} />
      <main class="admin-main">
        <section class="panel" aria-labelledby="gate-list-title">
          <h2 id="gate-list-title">{t("gateAdmin.title")}</h2>
          <div class="scroll">
            <table class="list" data-testid="gate-list">
              <thead><tr>
                <th scope="col">{t("gateAdmin.gateId")}</th><th scope="col">{t("gateAdmin.name")}</th><th scope="col">{t("gateAdmin.kind")}</th>
                <th scope="col">{t("gateAdmin.direction")}</th><th scope="col">{t("gates.online")}</th><th scope="col">{t("gates.lastEvent")}</th>
                <th scope="col"><span class="sr-only">{t("board.col.actions")}</span></th>
              </tr></thead>
              <tbody>
                {gates.map((gate) => (
                  <tr key={gate.gateId} data-gate={gate.gateId} class={selected?.gateId === gate.gateId ? "selected" : ""}>
                    <td><code>{gate.gateId}</code></td>
                    <td>{gate.name}</td>
                    <td>{t(gate.kind === "vehicle" ? "kind.vehicle" : "kind.pedestrian")}</td>
                    <td>{t(`direction.${gate.direction}`)}</td>
                    <td class={gate.online ? "" : "abnormal"}>{gate.online ? `● ${t("gates.online")}` : `✕ ${t("gates.offline")}`}</td>
                    <td>{gate.lastEventAt ? shortTime(gate.lastEventAt, timeZone) : t("gates.never")}</td>
                    <td class="row-actions">
                      <button type="button" class="btn btn-small" onClick={() => setSelected(gate)}>{t("gateAdmin.audit")}</button>
                      <button type="button" class="btn btn-small" disabled={busy} onClick={() => rotate(gate)}>{t("gateAdmin.rotate")}</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section class="panel">
          <form onSubmit={submit} aria-labelledby="provision-title">
            <h3 id="provision-title">{t("gateAdmin.provision")}</h3>
            <div class="form-grid">
              <Field label={t("gateAdmin.gateId")}><input required pattern="[A-Za-z0-9][A-Za-z0-9_\-]{0,31}" {...input("gateId")} /></Field>
              <Field label={t("gateAdmin.name")}><input maxLength={100} {...input("name")} /></Field>
              <Field label={t("gateAdmin.kind")}>
                <select name="kind" value={form.kind} onChange={(event) => setForm({ ...form, kind: event.currentTarget.value as GateForm["kind"] })}>
                  <option value="pedestrian">{t("kind.pedestrian")}</option>
                  <option value="vehicle">{t("kind.vehicle")}</option>
                </select>
              </Field>
              <Field label={t("gateAdmin.direction")}>
                <select name="direction" value={form.direction} onChange={(event) => setForm({ ...form, direction: event.currentTarget.value as GateForm["direction"] })}>
                  {(["in", "out", "both"] as const).map((value) => <option key={value} value={value}>{t(`direction.${value}`)}</option>)}
                </select>
              </Field>
              <Field label={t("gateAdmin.building")}><input maxLength={32} {...input("building")} /></Field>
              <Field label={t("gateAdmin.heartbeat")}>
                <input name="heartbeatSeconds" type="number" min={1} max={3600} value={form.heartbeatSeconds}
                  onInput={(event) => setForm({ ...form, heartbeatSeconds: Number(event.currentTarget.value) })} />
              </Field>
              <Field label={t("gateAdmin.openSeconds")}>
                <input name="openSeconds" type="number" min={1} max={300} value={form.openSeconds}
                  onInput={(event) => setForm({ ...form, openSeconds: Number(event.currentTarget.value) })} />
              </Field>
            </div>
            <div class="dialog-buttons"><button type="submit" class="btn btn-primary" disabled={busy}>{t("gateAdmin.save")}</button></div>
          </form>
          {selected && <Audit siteId={props.siteId} gate={selected} timeZone={timeZone} />}
        </section>
      </main>
      {issued && <Credentials gate={issued} onClose={() => setIssued(null)} />}
    </div>
  );
}
