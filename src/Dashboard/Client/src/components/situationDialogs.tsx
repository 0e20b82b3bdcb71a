import { useEffect, useState } from "preact/hooks";
import { api } from "../core/api";
import { t } from "../core/i18n";
import type { SiteUser, SituationView } from "../core/types";
import { Dialog, DialogButtons, Field, failed, useSubmit } from "./ui";
import * as actions from "../core/actions";

/** Resolve with a note: what was done goes into the situation's history. */
export function ResolveDialog(props: { situation: SituationView; onClose: () => void; onDone: (view: SituationView) => void }) {
  const [note, setNote] = useState("");
  const [busy, submit] = useSubmit(async () => {
    props.onDone(await actions.resolve(props.situation.id, note.trim()));
    props.onClose();
  });
  return (
    <Dialog title={t("resolve.title")} onClose={props.onClose}>
      <p class="dialog-subject">{props.situation.title}</p>
      <form onSubmit={submit}>
        <Field label={t("note.label")}>
          <textarea name="note" rows={4} maxLength={2000} value={note} placeholder={t("note.placeholder")}
            onInput={(event) => setNote(event.currentTarget.value)} autoFocus />
        </Field>
        <DialogButtons submit={t("action.resolve")} onCancel={props.onClose} busy={busy} />
      </form>
    </Dialog>
  );
}

/** Assign to one of the site's users. */
export function AssignDialog(props: { situation: SituationView; onClose: () => void; onDone: (view: SituationView) => void }) {
  const [users, setUsers] = useState<SiteUser[] | null>(null);
  const [username, setUsername] = useState(props.situation.assignee ?? "");
  useEffect(() => {
    api<SiteUser[]>(`/api/sites/${props.situation.siteId}/users`)
      .then((list) => {
        setUsers(list);
        if (!username) setUsername(list.find((user) => user.role === "staff")?.username ?? list[0]?.username ?? "");
      })
      .catch((error) => {
        failed(error);
        setUsers([]);
      });
  }, [props.situation.siteId]);
  const [busy, submit] = useSubmit(async () => {
    props.onDone(await actions.assign(props.situation.id, username));
    props.onClose();
  });
  return (
    <Dialog title={t("assign.title")} onClose={props.onClose}>
      <p class="dialog-subject">{props.situation.title}</p>
      <form onSubmit={submit}>
        <Field label={t("assign.to")}>
          {users === null ? <span>{t("loading")}</span> : users.length === 0 ? <span>{t("assign.none")}</span> : (
            <select name="username" value={username} onChange={(event) => setUsername(event.currentTarget.value)} autoFocus>
              {users.map((user) => (
                <option key={user.username} value={user.username}>
                  {user.displayName ? `${user.displayName} (${user.username})` : user.username} · {user.role}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DialogButtons submit={t("action.assign")} onCancel={props.onClose} busy={busy || !username} />
      </form>
    </Dialog>
  );
}
