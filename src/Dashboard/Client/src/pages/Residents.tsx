import { useEffect, useState } from "preact/hooks";
import { api, download } from "../core/api";
import { dateTime } from "../core/format";
import { t, word } from "../core/i18n";
import { hasRole } from "../core/session";
import { chosenConfig } from "../core/sites";
import { careTags, type ImportResult, type Resident } from "../core/types";
import { TopBar } from "../components/TopBar";
import { Field, failed, notify } from "../components/ui";

const blank: Resident = { residentId: "", name: "", unit: "", care: [], cards: [], plates: [], active: true };
const lines = (text: string) => text.split(/[\n,;]/).map((line) => line.trim()).filter(Boolean);

function ResidentForm(props: { siteId: string; resident: Resident; creating: boolean; onSaved: (resident: Resident) => void }) {
  const [draft, setDraft] = useState(props.resident);
  const [cards, setCards] = useState(props.resident.cards.join("\n"));
  const [plates, setPlates] = useState(props.resident.plates.join("\n"));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const editable = hasRole("admin");
  useEffect(() => {
    setDraft(props.resident);
    setCards(props.resident.cards.join("\n"));
    setPlates(props.resident.plates.join("\n"));
    setErrors({});
  }, [props.resident]);
  const set = <K extends keyof Resident>(key: K, value: Resident[K]) => setDraft({ ...draft, [key]: value });
  const text = (key: "residentId" | "name" | "unit" | "building" | "phone" | "birthday" | "notes") => ({
    name: key, value: draft[key] ?? "", disabled: !editable || (key === "residentId" && !props.creating),
    onInput: (event: Event) => set(key, (event.currentTarget as HTMLInputElement).value),
    "aria-invalid": errors[key] ? true : undefined,
  });
  const fieldError = (key: string) => errors[key]?.join(" ");
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const body: Resident = {
      ...draft, cards: lines(cards), plates: lines(plates),
      building: draft.building || undefined, phone: draft.phone || undefined, birthday: draft.birthday || undefined, notes: draft.notes || undefined,
    };
    try {
      const saved = await api<Resident>(`/api/sites/${props.siteId}/residents/${encodeURIComponent(body.residentId.trim())}`, { method: "PUT", json: body });
      notify(t("residents.saved", { name: saved.name }));
      setErrors({});
      props.onSaved(saved);
    } catch (error) {
      failed(error);
      if (error && typeof error === "object" && "fields" in error) setErrors((error as { fields: Record<string, string[]> }).fields);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="resident-form" onSubmit={submit} aria-label={props.creating ? t("residents.create") : t("residents.edit", { id: draft.residentId })}>
      <h3>{props.creating ? t("residents.create") : t("residents.edit", { id: draft.residentId })}</h3>
      {!editable && <p class="muted">{t("residents.readOnly")}</p>}
      <div class="form-grid">
        <Field label={t("field.residentId")} hint={fieldError("residentId")}><input required {...text("residentId")} /></Field>
        <Field label={t("field.name")} hint={fieldError("name")}><input required {...text("name")} /></Field>
        <Field label={t("field.unit")} hint={fieldError("unit")}><input required {...text("unit")} /></Field>
        <Field label={t("field.building")} hint={fieldError("building")}><input {...text("building")} /></Field>
        <Field label={t("field.phone")} hint={fieldError("phone")}><input type="tel" {...text("phone")} /></Field>
        <Field label={t("field.birthday")} hint={fieldError("birthday")}><input type="date" {...text("birthday")} /></Field>
      </div>
      <fieldset class="care-picker" disabled={!editable}>
        <legend>{t("field.care")}</legend>
        {careTags.map((tag) => (
          <label key={tag} class="check">
            <input type="checkbox" name={`care-${tag}`} checked={draft.care.includes(tag)}
              onChange={(event) => set("care", event.currentTarget.checked ? [...draft.care, tag] : draft.care.filter((item) => item !== tag))} />
            {word(tag)}
          </label>
        ))}
      </fieldset>
      <div class="form-grid">
        <Field label={t("field.cards")} hint={fieldError("cards")}>
          <textarea name="cards" rows={3} disabled={!editable} value={cards} onInput={(event) => setCards(event.currentTarget.value)} />
        </Field>
        <Field label={t("field.plates")} hint={fieldError("plates")}>
          <textarea name="plates" rows={3} disabled={!editable} value={plates} onInput={(event) => setPlates(event.currentTarget.value)} />
        </Field>
      </div>
      <Field label={t("field.notes")} hint={fieldError("notes")}><textarea rows={2} {...text("notes")} /></Field>
      <label class="check"><input type="checkbox" name="active" disabled={!editable} checked={draft.active}
        onChange={(event) => set("active", event.currentTarget.checked)} /> {t("field.active")}</label>
      {draft.presence?.lastSeenAt && (
        <p class="muted">{draft.presence.inside ? t("lookup.inside") : t("lookup.outside")} · {t("lookup.lastSeen", { time: dateTime(draft.presence.lastSeenAt, chosenConfig.value?.timeZone) })}</p>
      )}
      {editable && <div class="dialog-buttons"><button type="submit" class="btn btn-primary" disabled={busy}>{t("action.save")}</button></div>}
    </form>
  );
}

function Import(props: { siteId: string; onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    const form = new FormData();
    form.append("file", file, file.name);
    try {
      const answer = await api<ImportResult>(`/api/sites/${props.siteId}/residents/import?dryRun=${dryRun}`, { method: "POST", body: form });
      setResult(answer);
      if (!dryRun) {
        notify(t("residents.import.applied"));
        props.onImported();
      }
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  };
  const applicable = result ? result.created + result.updated : 0;
  return (
    <section class="import" aria-labelledby="import-title">
      <h3 id="import-title">{t("residents.import")}</h3>
      <Field label={t("residents.import.file")}>
        <input type="file" name="archive" accept=".csv,.xlsx,text/csv"
          onChange={(event) => { setFile(event.currentTarget.files?.[0] ?? null); setResult(null); }} />
      </Field>
      <div class="row-buttons">
        <button type="button" class="btn" disabled={!file || busy} onClick={() => void send(true)}>{t("residents.import.dry")}</button>
        {result?.dryRun && applicable > 0 && (
          <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void send(false)}>
            {t("residents.import.apply", { n: applicable })}
          </button>
        )}
      </div>
      {result && (
        <div class="import-result" data-testid="import-result">
          <p>{t("residents.import.result", { created: result.created, updated: result.updated, unchanged: result.unchanged, rejected: result.rejectedCount })}</p>
          {result.dryRun && <p class="muted">{t("residents.import.dryNote")}</p>}
          {result.rejected.length > 0 && (
            <table class="rejects" data-testid="import-rejects">
              <thead><tr><th scope="col">{t("residents.import.row")}</th><th scope="col">{t("residents.import.reason")}</th></tr></thead>
              <tbody>{result.rejected.map((reject) => <tr key={reject.row}><td class="num">{reject.row}</td><td>{reject.reason}</td></tr>)}</tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

/** The resident archive: search, view and edit, import with a dry run first, export. */
export function Residents(props: { siteId: string }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<Resident[]>([]);
  const [selected, setSelected] = useState<Resident | null>(null);
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api<Resident[]>(`/api/sites/${props.siteId}/residents?query=${encodeURIComponent(query.trim())}`)
        .then((list) => current && setFound(list))
        .catch(failed);
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, props.siteId, version]);
  const open = async (resident: Resident) => {
    setCreating(false);
    try {
      setSelected(await api<Resident>(`/api/sites/${props.siteId}/residents/${encodeURIComponent(resident.residentId)}`));
    } catch (error) {
      failed(error);
    }
  };
  const admin = hasRole("admin");
  return (
    <div class="page residents">
      <TopBar />
      <main class="admin-main">
        <section class="panel" aria-labelledby="residents-title">
          <h2 id="residents-title">{t("residents.title")}</h2>
          <div class="row-buttons">
            <input type="search" class="grow" aria-label={t("residents.search")} placeholder={t("lookup.placeholder")}
              value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
            {admin && <button type="button" class="btn" onClick={() => { setCreating(true); setSelected({ ...blank }); }}>{t("action.new")}</button>}
            <button type="button" class="btn" onClick={() => void download(`/api/sites/${props.siteId}/residents/export?format=csv`, `${props.siteId}-residents.csv`).catch(failed)}>
              {t("residents.export")} CSV</button>
            <button type="button" class="btn" onClick={() => void download(`/api/sites/${props.siteId}/residents/export?format=xlsx`, `${props.siteId}-residents.xlsx`).catch(failed)}>
              {t("residents.export")} .xlsx</button>
          </div>
          <p class="muted">{t("residents.results", { n: found.length })}</p>
          <div class="scroll">
            <table class="list">
              <thead><tr>
                <th scope="col">{t("field.name")}</th><th scope="col">{t("field.unit")}</th>
                <th scope="col">{t("field.care")}</th><th scope="col">{t("field.phone")}</th>
              </tr></thead>
              <tbody>
                {found.slice(0, 300).map((resident) => (
                  <tr key={resident.residentId} class={`${selected?.residentId === resident.residentId ? "selected" : ""} ${resident.active ? "" : "inactive"}`}
                    onClick={() => void open(resident)}>
                    <td><button type="button" class="btn-link" onClick={() => void open(resident)}>{resident.name}</button></td>
                    <td>{resident.unit}</td>
                    <td>{resident.care.map((tag) => <span key={tag} class="chip">{word(tag)}</span>)}</td>
                    <td>{resident.phone ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section class="panel">
          {selected
            ? <ResidentForm siteId={props.siteId} resident={selected} creating={creating}
                onSaved={(saved) => { setSelected(saved); setCreating(false); setVersion(version + 1); }} />
            : <p class="empty">{t("residents.none")}</p>}
          {admin && <Import siteId={props.siteId} onImported={() => setVersion(version + 1)} />}
        </section>
      </main>
    </div>
  );
}
