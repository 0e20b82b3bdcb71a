import type { Signal } from "@preact/signals";
import { age, dateTime, now } from "../core/format";
import { t, word } from "../core/i18n";
import type { GateView, SituationView } from "../core/types";
import { SeverityBadge, StateBadge } from "./ui";

/** Where a situation is: its gate, the unit, or both. */
export function whereOf(situation: SituationView, gates: ReadonlyMap<string, GateView>): string {
  const parts: string[] = [];
  if (situation.gateId) parts.push(gates.get(situation.gateId)?.name ?? situation.gateId);
  if (situation.unit) parts.push(situation.unit);
  return parts.join(" · ") || "—";
}

export interface BoardActions {
  acknowledge(situation: SituationView): void;
  resolve(situation: SituationView): void;
  assign(situation: SituationView): void;
}

/** The situations board: most severe first, then oldest; one row per situation, with its actions. */
export function SituationBoard(props: {
  situations: SituationView[];
  gates: ReadonlyMap<string, GateView>;
  selected: Signal<string | null>;
  arrivals: ReadonlyMap<string, number>;
  timeZone: string | undefined;
  actions: BoardActions;
  canAssign: boolean;
}) {
  const current = now.value;
  if (props.situations.length === 0)
    return <p class="empty" data-testid="board-empty">{t("board.empty")}</p>;
  return (
    <table class="board" aria-label={t("board.title")} data-testid="board">
      <thead>
        <tr>
          <th scope="col">{t("board.col.severity")}</th>
          <th scope="col">{t("board.col.situation")}</th>
          <th scope="col">{t("board.col.where")}</th>
          <th scope="col">{t("board.col.age")}</th>
          <th scope="col">{t("board.col.state")}</th>
          <th scope="col" title={t("board.col.level")}>{t("board.col.level")}</th>
          <th scope="col">{t("board.col.count")}</th>
          <th scope="col">{t("board.col.assignee")}</th>
          <th scope="col"><span class="sr-only">{t("board.col.actions")}</span></th>
        </tr>
      </thead>
      <tbody>
        {props.situations.map((situation) => {
          const selected = props.selected.value === situation.id;
          const arrived = props.arrivals.get(situation.id);
          const fresh = arrived !== undefined && current - arrived < 4000;
          const overdue = situation.dueAt !== undefined && Date.parse(situation.dueAt) < current && situation.state === "raised";
          return (
            <tr key={situation.id} id={`situation-${situation.id}`} data-situation={situation.id} data-kind={situation.kind} data-gate={situation.gateId}
              data-state={situation.state}
              class={`row-${situation.severity} ${selected ? "selected" : ""} ${fresh ? "fresh" : ""} ${situation.active ? "" : "inactive"}`}
              aria-selected={selected} onClick={() => (props.selected.value = situation.id)}>
              <td><SeverityBadge severity={situation.severity} /></td>
              <td class="cell-situation">
                <div class="kind">{word(situation.kind)}</div>
                <div class="title-line">{situation.title}</div>
              </td>
              <td>{whereOf(situation, props.gates)}</td>
              <td title={dateTime(situation.raisedAt, props.timeZone)}>
                {age(situation.raisedAt, current)}
                {situation.dueAt && (
                  <div class={overdue ? "overdue" : "muted"}>
                    {overdue ? t("board.overdue") : t("board.due", { time: dateTime(situation.dueAt, props.timeZone) })}
                  </div>
                )}
              </td>
              <td><StateBadge state={situation.state} active={situation.active} shelved={situation.shelved} /></td>
              <td>{situation.escalationLevel > 0 ? <span class="level">{t("level", { n: situation.escalationLevel })}</span> : "—"}</td>
              <td class="num">×{situation.occurrences}</td>
              <td>{situation.assignee ?? "—"}</td>
              <td class="row-actions">
                {situation.state === "raised" && (
                  <button type="button" class="btn btn-small btn-primary" onClick={(event) => { event.stopPropagation(); props.actions.acknowledge(situation); }}>
                    {t("action.acknowledge")}
                  </button>
                )}
                {props.canAssign && (
                  <button type="button" class="btn btn-small" onClick={(event) => { event.stopPropagation(); props.actions.assign(situation); }}>
                    {t("action.assign")}
                  </button>
                )}
                <button type="button" class="btn btn-small" onClick={(event) => { event.stopPropagation(); props.actions.resolve(situation); }}>
                  {t("action.resolve")}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
