import { BellIcon } from "../components/icons";
import { useSignal } from "@preact/signals";
import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import * as actions from "../core/actions";
import { announce, announcement, flashTitle, isAlarm, soundOn, toggleSound } from "../core/alerts";
import { t, word } from "../core/i18n";
import { hasRole } from "../core/session";
import { siteName, type SiteStore } from "../core/sites";
import { severities, type Resident, type SituationView } from "../core/types";
import { useSiteStore } from "../core/useSiteStore";
import { ActivityCharts } from "../components/Charts";
import { GateTiles } from "../components/GateTiles";
import { LiveFeed } from "../components/LiveFeed";
import { IncidentDialog, RequestDialog } from "../components/PostDialogs";
import { ResidentLookup } from "../components/ResidentLookup";
import { SituationBoard, whereOf, type BoardActions } from "../components/SituationBoard";
import { SituationDetails } from "../components/SituationDetails";
import { AssignDialog, ResolveDialog } from "../components/situationDialogs";
import { TopBar } from "../components/TopBar";
import { Dialog, failed } from "../components/ui";

function OpenSummary(props: { store: SiteStore }) {
  const board = props.store.board.value;
  return (
    <span class="open-summary" data-testid="open-summary" aria-label={t("open.summary")}>
      {severities.map((severity) => {
        const count = board.filter((situation) => situation.severity === severity).length;
        return (
          <span key={severity} class={`count count-${severity} ${count > 0 ? "nonzero" : ""}`}>
            {count} {word(severity)}
          </span>
        );
      })}
    </span>
  );
}

function KeysDialog(props: { onClose: () => void }) {
  const rows: [string, Parameters<typeof t>[0]][] = [
    ["j / k  ↓ / ↑", "keys.move"], ["a", "keys.ack"], ["r", "keys.resolve"], ["Enter", "keys.details"],
    ["/", "keys.lookup"], ["?", "keys.help"],
  ];
  return (
    <Dialog title={t("keys.title")} onClose={props.onClose}>
      <dl class="keys">
        {rows.map(([keys, what]) => <Fragment key={keys}><dt><kbd>{keys}</kbd></dt><dd>{t(what)}</dd></Fragment>)}
      </dl>
      <div class="dialog-buttons"><button type="button" class="btn btn-primary" onClick={props.onClose} autoFocus>{t("action.close")}</button></div>
    </Dialog>
  );
}

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** The control room: the situations board with details, gate tiles, the live feed, charts and
 * resident lookup, for a wall screen (1920x1080) or a laptop. */
export function ControlRoom(props: { siteId: string }) {
  const store = useSiteStore(props.siteId);
  const selected = useSignal<string | null>(null);
  const [resolving, setResolving] = useState<SituationView | null>(null);
  const [assigning, setAssigning] = useState<SituationView | null>(null);
  const [posting, setPosting] = useState(false);
  const [requesting, setRequesting] = useState<Resident | null | undefined>(undefined);
  const [keys, setKeys] = useState(false);
  const board = store.board.value;
  const timeZone = store.timeZone.value;
  const operator = hasRole("admin", "operator");
  const situation = board.find((item) => item.id === selected.value) ?? null;
  const dialogOpen = resolving !== null || assigning !== null || posting || requesting !== undefined || keys;

  useEffect(() => store.whenArrived(announce), [store]);

  // The title flashes while critical or major situations wait for acknowledgement.
  const waiting = board.filter((item) => isAlarm(item) && item.state === "raised" && !item.shelved).length;
  useEffect(() => flashTitle(waiting, `${siteName(props.siteId)} · ${t("nav.control")}`), [waiting, props.siteId]);
  useEffect(() => () => flashTitle(0, "Ops"), []);

  const acknowledge = async (item: SituationView) => {
    try {
      store.apply(await actions.acknowledge(item.id));
    } catch (error) {
      failed(error);
    }
  };

  const boardActions: BoardActions = { acknowledge: (item) => void acknowledge(item), resolve: setResolving, assign: setAssigning };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialogOpen || typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const index = board.findIndex((item) => item.id === selected.value);
      const select = (next: number) => {
        const item = board[Math.max(0, Math.min(board.length - 1, next))];
        if (!item) return;
        selected.value = item.id;
        document.getElementById(`situation-${item.id}`)?.scrollIntoView({ block: "nearest" });
      };
      switch (event.key) {
        case "j": case "ArrowDown": select(index + 1); break;
        case "k": case "ArrowUp": select(index < 0 ? 0 : index - 1); break;
        case "a": if (situation && situation.state === "raised") void acknowledge(situation); break;
        case "r": if (situation) setResolving(situation); break;
        case "Enter": document.getElementById("situation-details")?.focus(); break;
        case "/": document.getElementById("resident-lookup")?.focus(); break;
        case "?": setKeys(true); break;
        default: return;
      }
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  return (
    <div class="page control">
      <TopBar timeZone={timeZone}>
        <OpenSummary store={store} />
        <button type="button" class={`btn btn-quiet sound ${soundOn.value ? "on" : ""}`} aria-pressed={soundOn.value}
          title={t("sound.toggle")} onClick={toggleSound} data-testid="sound">
          <BellIcon off={!soundOn.value} /> <span class="label">{soundOn.value ? t("sound.on") : t("sound.off")}</span>
        </button>
        {operator && <button type="button" class="btn" onClick={() => setPosting(true)}>{t("incident.post")}</button>}
        {operator && <button type="button" class="btn" onClick={() => setRequesting(null)}>{t("request.post")}</button>}
      </TopBar>
      <main class="control-grid">
        <section class="panel panel-board" aria-labelledby="board-title">
          <h2 id="board-title">{t("board.title")} <span class="count-inline">{board.length}</span>
            <button type="button" class="btn btn-link keys-hint" onClick={() => setKeys(true)}>{t("keys.hint")}</button></h2>
          <div class="scroll board-scroll">
            <SituationBoard situations={board} gates={store.gates.value} selected={selected} arrivals={store.arrivals.value}
              timeZone={timeZone} canAssign={operator}
              actions={boardActions} />
          </div>
          <div class="scroll details-scroll">
            {situation
              ? <SituationDetails situation={situation} where={whereOf(situation, store.gates.value)} timeZone={timeZone}
                  onChange={(view) => store.apply(view)} actions={boardActions} canAssign={operator} />
              : <p class="empty">{t("details.none")}</p>}
          </div>
        </section>
        <section class="panel panel-gates" aria-labelledby="gates-title">
          <h2 id="gates-title">{t("gates.title")}</h2>
          <div class="scroll"><GateTiles store={store} /></div>
        </section>
        <section class="panel panel-feed" aria-labelledby="feed-title">
          <h2 id="feed-title">{t("feed.title")}</h2>
          <div class="scroll"><LiveFeed store={store} /></div>
        </section>
        <section class="panel panel-charts">
          <ActivityCharts siteId={props.siteId} timeZone={timeZone} />
        </section>
        <section class="panel panel-lookup" aria-labelledby="lookup-title">
          <h2 id="lookup-title">{t("lookup.title")}</h2>
          <ResidentLookup siteId={props.siteId} canRequest={operator} onRequest={(resident) => setRequesting(resident)} />
        </section>
      </main>
      <div class="sr-only" aria-live="assertive" data-testid="announcer">{announcement.value}</div>
      {resolving && <ResolveDialog situation={resolving} onClose={() => setResolving(null)} onDone={(view) => store.apply(view)} />}
      {assigning && <AssignDialog situation={assigning} onClose={() => setAssigning(null)} onDone={(view) => store.apply(view)} />}
      {posting && <IncidentDialog siteId={props.siteId} onClose={() => setPosting(false)} />}
      {requesting !== undefined && (
        <RequestDialog siteId={props.siteId} resident={requesting} timeZone={timeZone} onClose={() => setRequesting(undefined)}
          onDone={(view) => store.apply(view)} />
      )}
      {keys && <KeysDialog onClose={() => setKeys(false)} />}
    </div>
  );
}
