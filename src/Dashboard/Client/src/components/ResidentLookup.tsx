import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../core/api";
import { t, word } from "../core/i18n";
import type { Resident } from "../core/types";

const shown = 8;

/** Search as you type over the resident archive: who they are, their unit and care needs. */
export function ResidentLookup(props: { siteId: string; onRequest: (resident: Resident) => void; canRequest: boolean }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Resident[] | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const text = query.trim();
    if (!text) {
      setFound(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api<Resident[]>(`/api/sites/${props.siteId}/residents?query=${encodeURIComponent(text)}`)
        .then((list) => current && setFound(list))
        .catch(() => current && setFound([]));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, props.siteId]);
  return (
    <section class="lookup" aria-label={t("lookup.title")}>
      <input ref={input} id="resident-lookup" type="search" class="lookup-input" placeholder={t("lookup.placeholder")}
        aria-label={t("lookup.title")} value={query} onInput={(event) => setQuery(event.currentTarget.value)} autoComplete="off" />
      {found !== null && (
        found.length === 0 ? <p class="empty">{t("lookup.none")}</p> : (
          <ul class="lookup-results">
            {found.slice(0, shown).map((resident) => (
              <li key={resident.residentId} class={resident.active ? "" : "inactive"}>
                <div class="lookup-name"><strong>{resident.name}</strong> <span class="muted">{resident.unit}</span></div>
                <div class="care-tags">
                  {resident.care.map((tag) => <span key={tag} class="chip">{word(tag)}</span>)}
                  {resident.phone && <span class="muted">{resident.phone}</span>}
                </div>
                {props.canRequest && (
                  <button type="button" class="btn btn-small" onClick={() => props.onRequest(resident)}>{t("request.post")}</button>
                )}
              </li>
            ))}
            {found.length > shown && <li class="muted">{t("lookup.more", { n: found.length - shown })}</li>}
          </ul>
        )
      )}
    </section>
  );
}
