import { clock, money } from "../core/format";
import { t, word } from "../core/i18n";
import type { SiteStore } from "../core/sites";
import type { EventView } from "../core/types";

function who(event: EventView): string {
  if (event.residentName) return event.residentName;
  if (event.plate) return event.plate;
  if (event.cardTail) return `•••• ${event.cardTail}`;
  return "";
}

/** The live feed of gate events, newest on top. */
export function LiveFeed(props: { store: SiteStore }) {
  const feed = props.store.feed.value;
  const gates = props.store.gates.value;
  const timeZone = props.store.timeZone.value;
  if (feed.length === 0) return <p class="empty">{t("feed.empty")}</p>;
  return (
    <table class="feed" aria-label={t("feed.title")} data-testid="feed">
      <thead>
        <tr>
          <th scope="col">{t("feed.col.time")}</th>
          <th scope="col">{t("feed.col.gate")}</th>
          <th scope="col">{t("feed.col.event")}</th>
          <th scope="col">{t("feed.col.who")}</th>
          <th scope="col">{t("feed.col.decision")}</th>
        </tr>
      </thead>
      <tbody>
        {feed.map((event) => (
          <tr key={`${event.gateId}/${event.eventId}`} class={event.action === "deny" ? "denied" : ""}>
            <td class="num">{clock(event.at, timeZone)}</td>
            <td>{gates.get(event.gateId)?.name ?? event.gateId}</td>
            <td>{word(event.type)}{event.direction && <span class="muted"> · {word(event.direction)}</span>}</td>
            <td>{who(event)}</td>
            <td>
              {event.action && <span class={`decision decision-${event.action}`}>{event.action === "deny" ? "✕ " : ""}{word(event.action)}</span>}
              {event.reason && <span class="muted"> {word(event.reason)}</span>}
              {event.amountCents !== undefined && event.amountCents > 0 && <span class="amount"> {money(event.amountCents)}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
