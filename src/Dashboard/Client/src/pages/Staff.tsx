import { BellIcon } from "../components/icons";
import { signal } from "@preact/signals";
import { useEffect, useMemo, useState } from "preact/hooks";
import * as actions from "../core/actions";
import { api } from "../core/api";
import { age, dateTime, now } from "../core/format";
import { t, word } from "../core/i18n";
import { live } from "../core/live";
import { session } from "../core/session";
import { bySeverityThenAge, isOpen, SiteStore, siteName, sites } from "../core/sites";
import type { SituationView } from "../core/types";
import { Checklist } from "../components/SituationDetails";
import { ResolveDialog } from "../components/situationDialogs";
import { TopBar } from "../components/TopBar";
import { SeverityBadge, StateBadge, failed } from "../components/ui";

/** The open situations assigned to the signed-in user at any site, kept current by pushes. */
const assigned = signal<ReadonlyMap<string, SituationView>>(new Map());

function keepAssigned(view: SituationView): void {
  const me = session.value?.username;
  const next = new Map(assigned.value);
  if (view.assignee === me && isOpen(view)) next.set(view.id, view);
  else next.delete(view.id);
  assigned.value = next;
}

async function loadAssigned(): Promise<void> {
  const list = await api<SituationView[]>("/api/situations/assigned");
  assigned.value = new Map(list.map((view) => [view.id, view]));
}

function notifyAssignment(view: SituationView): void {
  if (!("Notification" in window) || Notification.permission !== "granted") return;
  const notification = new Notification(t("staff.assignedTitle", { title: word(view.kind) }), {
    body: view.title, tag: view.id, lang: document.documentElement.lang,
  });
  notification.onclick = () => window.focus();
}

function NotifyButton() {
  const [permission, setPermission] = useState(() => ("Notification" in window ? Notification.permission : "denied"));
  if (permission === "granted") return <span class="muted notify-state"><BellIcon /> {t("staff.notifyOn")}</span>;
  if (permission === "denied") return <span class="muted notify-state">{t("staff.notifyBlocked")}</span>;
  return (
    <button type="button" class="btn btn-wide" onClick={() => void Notification.requestPermission().then(setPermission)}>
      <BellIcon /> {t("staff.notify")}
    </button>
  );
}

function Card(props: { situation: SituationView; timeZone: string | undefined; onChange: (view: SituationView) => void; onResolve: () => void }) {
  const { situation } = props;
  const [busy, setBusy] = useState(false);
  const acknowledge = async () => {
    setBusy(true);
    try {
      props.onChange(await actions.acknowledge(situation.id));
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };
  const where = [situation.gateId, situation.unit, siteName(situation.siteId)].filter(Boolean).join(" · ");
  return (
    <li class={`card card-${situation.severity}`} data-situation={situation.id} data-state={situation.state}>
      <div class="card-head">
        <SeverityBadge severity={situation.severity} />
        <StateBadge state={situation.state} active={situation.active} shelved={situation.shelved} />
        {situation.escalationLevel > 0 && <span class="level">{t("level", { n: situation.escalationLevel })}</span>}
        <span class="card-age" title={dateTime(situation.raisedAt, props.timeZone)}>{age(situation.raisedAt, now.value)}</span>
      </div>
      <h3 class="card-kind">{word(situation.kind)}</h3>
      <p class="card-title">{situation.title}</p>
      <p class="card-where">{where}</p>
      {situation.dueAt && <p class="muted">{t("details.due")} {dateTime(situation.dueAt, props.timeZone)}</p>}
      <Checklist situation={situation} onChange={props.onChange} large />
      <div class="card-actions">
        {situation.state === "raised" && (
          <button type="button" class="btn btn-primary btn-big" disabled={busy} onClick={() => void acknowledge()}>{t("action.acknowledge")}</button>
        )}
        <button type="button" class="btn btn-big" onClick={props.onResolve}>{t("action.resolve")}</button>
      </div>
    </li>
  );
}

/** The staff phone: my assigned situations first, then my sites' open ones; big buttons. */
export function Staff() {
  const siteIds = sites.value.map((site) => site.siteId);
  const stores = useMemo(() => siteIds.map((siteId) => new SiteStore(siteId)), [siteIds.join(",")]);
  const [resolving, setResolving] = useState<SituationView | null>(null);
  const me = session.value?.username;

  useEffect(() => {
    stores.forEach((store) => store.open());
    void loadAssigned().catch(failed);
    const stop = live.listen({
      situationChanged: (view) => {
        const before = assigned.value.get(view.id);
        keepAssigned(view);
        if (view.assignee === me && isOpen(view) && before?.assignee !== me) notifyAssignment(view);
      },
      resync: () => void loadAssigned().catch(() => undefined),
    });
    return () => {
      stop();
      stores.forEach((store) => store.close());
    };
  }, [stores]);

  const timeZoneOf = (siteId: string) => stores.find((store) => store.siteId === siteId)?.timeZone.value;
  const apply = (view: SituationView) => {
    keepAssigned(view);
    stores.find((store) => store.siteId === view.siteId)?.apply(view);
  };
  const mine = [...assigned.value.values()].sort(bySeverityThenAge);
  const mineIds = new Set(mine.map((view) => view.id));
  const others = stores.flatMap((store) => store.board.value).filter((view) => !mineIds.has(view.id) && view.assignee !== me)
    .sort(bySeverityThenAge);

  const list = (views: SituationView[], empty: string, testId: string) => views.length === 0
    ? <p class="empty" data-testid={`${testId}-empty`}>{empty}</p>
    : (
      <ul class="cards" data-testid={testId}>
        {views.map((view) => (
          <Card key={view.id} situation={view} timeZone={timeZoneOf(view.siteId)} onChange={apply} onResolve={() => setResolving(view)} />
        ))}
      </ul>
    );

  return (
    <div class="page staff">
      <TopBar siteSwitcher={false} />
      <main class="staff-main">
        <NotifyButton />
        <section aria-labelledby="mine-title">
          <h2 id="mine-title">{t("staff.mine")} <span class="count-inline">{mine.length}</span></h2>
          {list(mine, t("staff.mineEmpty"), "mine")}
        </section>
        <section aria-labelledby="others-title">
          <h2 id="others-title">{t("staff.site")} <span class="count-inline">{others.length}</span></h2>
          {list(others, t("staff.siteEmpty"), "others")}
        </section>
      </main>
      {resolving && <ResolveDialog situation={resolving} onClose={() => setResolving(null)} onDone={apply} />}
    </div>
  );
}
