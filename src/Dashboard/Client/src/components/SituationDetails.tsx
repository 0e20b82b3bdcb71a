import { GiftIcon } from "./icons";
import { useEffect, useState } from "preact/hooks";
import { api } from "../core/api";
import * as actions from "../core/actions";
import { dateTime } from "../core/format";
import { t, word, type MessageKey } from "../core/i18n";
import type { HistoryEntry, Resident, SituationView } from "../core/types";
import type { BoardActions } from "./SituationBoard";
import { SeverityBadge, StateBadge, failed } from "./ui";

/** The checklist of what to do, ticked one step at a time (audited in the history). */
export function Checklist(props: { situation: SituationView; onChange: (view: SituationView) => void; large?: boolean }) {
  const { situation } = props;
  const [busy, setBusy] = useState<number | null>(null);
  if (situation.checklist.length === 0) return null;
  const next = situation.checklist.findIndex((item) => !item.done);
  const toggle = async (index: number, done: boolean) => {
    setBusy(index);
    try {
      props.onChange(await actions.tick(situation.id, index, done));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <ol class={`checklist ${props.large ? "checklist-large" : ""}`}>
      {situation.checklist.map((item, index) => (
        <li key={index} class={item.done ? "done" : index === next ? "next" : ""}>
          <label>
            <input type="checkbox" checked={item.done} disabled={busy !== null || situation.state === "resolved"}
              onChange={(event) => void toggle(index, event.currentTarget.checked)} />
            <span>{item.step}</span>
            {index === next && <span class="tag tag-next">{t("staff.next")}</span>}
          </label>
        </li>
      ))}
    </ol>
  );
}

const historyWords: Record<string, MessageKey> = {
  raised: "history.raised", repeated: "history.repeated", cleared: "history.cleared",
  acknowledged: "history.acknowledged", resolved: "history.resolved", assigned: "history.assigned",
  escalated: "history.escalated", checked: "history.checked", unchecked: "history.unchecked",
  shelved: "history.shelved", unshelved: "history.unshelved",
};

function historyWord(action: string): string {
  const key = historyWords[action.split(";")[0] ?? action];
  return key ? t(key) : action;
}

export function History(props: { entries: HistoryEntry[]; timeZone: string | undefined }) {
  return (
    <ol class="history">
      {[...props.entries].reverse().map((entry, index) => (
        <li key={index}>
          <time dateTime={entry.at}>{dateTime(entry.at, props.timeZone)}</time>
          <span class="history-by">{entry.by}</span>
          <span class="history-action">{historyWord(entry.action)}</span>
          {entry.note && <span class="history-note">{entry.note}</span>}
        </li>
      ))}
    </ol>
  );
}

/** The care needs and presence of the resident a situation is about. */
function ResidentCard(props: { siteId: string; residentId: string; timeZone: string | undefined }) {
  const [resident, setResident] = useState<Resident | null>(null);
  useEffect(() => {
    setResident(null);
    api<Resident>(`/api/sites/${props.siteId}/residents/${encodeURIComponent(props.residentId)}`)
      .then(setResident)
      .catch(() => setResident(null));
  }, [props.siteId, props.residentId]);
  if (!resident) return null;
  return (
    <section class="resident-card" aria-label={t("details.resident")}>
      <div><strong>{resident.name}</strong> · {resident.unit}{resident.phone && <> · {resident.phone}</>}</div>
      {resident.care.length > 0 && (
        <div class="care-tags" aria-label={t("details.care")}>
          {resident.care.map((tag) => <span key={tag} class="chip">{word(tag)}</span>)}
        </div>
      )}
      {resident.notes && <div class="muted">{resident.notes}</div>}
    </section>
  );
}

/** One situation in full: what, where, who did what, the checklist, the history. */
export function SituationDetails(props: {
  situation: SituationView;
  where: string;
  timeZone: string | undefined;
  onChange: (view: SituationView) => void;
  actions?: BoardActions | undefined;
  canAssign?: boolean;
}) {
  const { situation } = props;
  const handle = props.actions;
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    let current = true;
    actions.details(situation.id)
      .then((view) => current && setHistory(view.history ?? []))
      .catch(() => current && setHistory([]));
    return () => {
      current = false;
    };
  }, [situation.id, situation.lastAt, situation.state, situation.assignee, situation.escalationLevel,
    situation.checklist.filter((item) => item.done).length]);

  return (
    <article class="details" aria-label={t("details.title")} tabIndex={-1} id="situation-details">
      <header class="details-head">
        <SeverityBadge severity={situation.severity} />
        <h3>{word(situation.kind)}</h3>
        <StateBadge state={situation.state} active={situation.active} shelved={situation.shelved} />
        {situation.escalationLevel > 0 && <span class="level">{t("level", { n: situation.escalationLevel })}</span>}
        {handle && (
          <span class="details-actions">
            {situation.state === "raised" && (
              <button type="button" class="btn btn-small btn-primary" onClick={() => handle.acknowledge(situation)}>{t("action.acknowledge")}</button>
            )}
            {props.canAssign && <button type="button" class="btn btn-small" onClick={() => handle.assign(situation)}>{t("action.assign")}</button>}
            <button type="button" class="btn btn-small" onClick={() => handle.resolve(situation)}>{t("action.resolve")}</button>
          </span>
        )}
      </header>
      <p class="details-title">{situation.title}</p>
      {situation.detail && <p class="muted">{situation.detail}</p>}
      <dl class="facts">
        <dt>{t("board.col.where")}</dt><dd>{props.where}</dd>
        <dt>{t("details.raised")}</dt><dd>{dateTime(situation.raisedAt, props.timeZone)} · ×{situation.occurrences}</dd>
        {situation.dueAt && <><dt>{t("details.due")}</dt><dd>{dateTime(situation.dueAt, props.timeZone)}</dd></>}
        {situation.assignee && <><dt>{t("board.col.assignee")}</dt><dd>{situation.assignee}</dd></>}
      </dl>
      {situation.acknowledgedBy && situation.acknowledgedAt && (
        <p class="muted">{t("details.acknowledgedBy", { who: situation.acknowledgedBy, time: dateTime(situation.acknowledgedAt, props.timeZone) })}</p>
      )}
      {situation.kind === "birthday" && <p class="greeting"><GiftIcon /> {t("details.greeting")}</p>}
      {situation.residentId && <ResidentCard siteId={situation.siteId} residentId={situation.residentId} timeZone={props.timeZone} />}
      {situation.checklist.length > 0 && (
        <section>
          <h4>{t("details.checklist")}</h4>
          <Checklist situation={situation} onChange={props.onChange} />
        </section>
      )}
      <section>
        <h4>{t("details.history")}</h4>
        {history === null ? <p class="muted">{t("loading")}</p> : <History entries={history} timeZone={props.timeZone} />}
      </section>
    </article>
  );
}
