import { useState } from "preact/hooks";
import { api } from "../core/api";
import { fromSiteLocal, toSiteLocal } from "../core/format";
import { t } from "../core/i18n";
import type { Resident, SituationView } from "../core/types";
import { Dialog, DialogButtons, Field, notify, useSubmit } from "./ui";

const incidentKinds = ["water-outage", "power-outage", "lift-outage", "other"] as const;

/** An incident (an outage) for a building or the whole site: the hub raises incident care for the
 * households that need a visit. */
export function IncidentDialog(props: { siteId: string; onClose: () => void }) {
  const [kind, setKind] = useState<(typeof incidentKinds)[number]>("water-outage");
  const [building, setBuilding] = useState("");
  const [title, setTitle] = useState("");
  const [detail, setDetail] = useState("");
  const [busy, submit] = useSubmit(async () => {
    const posted = await api<{ incidentId: string; situations: string[] }>(`/api/sites/${props.siteId}/incidents`, {
      method: "POST",
      json: { kind, building: building.trim() || undefined, title: title.trim(), detail: detail.trim() || undefined },
    });
    notify(t("incident.posted", { n: posted.situations.length }));
    props.onClose();
  });
  return (
    <Dialog title={t("incident.title")} onClose={props.onClose}>
      <form onSubmit={submit}>
        <Field label={t("incident.kind")}>
          <select name="kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as typeof kind)}>
            {incidentKinds.map((value) => <option key={value} value={value}>{t(`incident.${value}`)}</option>)}
          </select>
        </Field>
        <Field label={t("incident.building")}>
          <input name="building" maxLength={32} value={building} onInput={(event) => setBuilding(event.currentTarget.value)} />
        </Field>
        <Field label={t("incident.titleField")}>
          <input name="title" required maxLength={200} value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
        </Field>
        <Field label={t("incident.detail")}>
          <textarea name="detail" rows={3} maxLength={2000} value={detail} onInput={(event) => setDetail(event.currentTarget.value)} />
        </Field>
        <DialogButtons submit={t("action.post")} onCancel={props.onClose} busy={busy || !title.trim()} />
      </form>
    </Dialog>
  );
}

/** A resident's special request, tracked as a situation with a due time. */
export function RequestDialog(props: {
  siteId: string;
  resident: Resident | null;
  timeZone: string | undefined;
  onClose: () => void;
  onDone?: (view: SituationView) => void;
}) {
  const [residentId, setResidentId] = useState(props.resident?.residentId ?? "");
  const [kind, setKind] = useState("");
  const [detail, setDetail] = useState("");
  const [due, setDue] = useState(toSiteLocal(Date.now() + 2 * 3600_000, props.timeZone));
  const [busy, submit] = useSubmit(async () => {
    const view = await api<SituationView>(`/api/sites/${props.siteId}/requests`, {
      method: "POST",
      json: { residentId: residentId.trim(), kind: kind.trim(), detail: detail.trim(), dueAt: due ? fromSiteLocal(due, props.timeZone).toISOString() : undefined },
    });
    notify(t("request.posted"));
    props.onDone?.(view);
    props.onClose();
  });
  return (
    <Dialog title={t("request.title")} onClose={props.onClose}>
      <form onSubmit={submit}>
        <Field label={t("request.resident")} hint={props.resident ? `${props.resident.name} · ${props.resident.unit}` : undefined}>
          <input name="residentId" required value={residentId} onInput={(event) => setResidentId(event.currentTarget.value)} />
        </Field>
        <Field label={t("request.kind")}>
          <input name="kind" required maxLength={64} value={kind} onInput={(event) => setKind(event.currentTarget.value)} />
        </Field>
        <Field label={t("request.detail")}>
          <textarea name="detail" required rows={3} maxLength={2000} value={detail} onInput={(event) => setDetail(event.currentTarget.value)} />
        </Field>
        <Field label={t("request.due")}>
          <input name="dueAt" type="datetime-local" value={due} onInput={(event) => setDue(event.currentTarget.value)} />
        </Field>
        <DialogButtons submit={t("action.post")} onCancel={props.onClose} busy={busy || !residentId.trim() || !kind.trim() || !detail.trim()} />
      </form>
    </Dialog>
  );
}
