import { useState } from "preact/hooks";
import { ApiError, api } from "../core/api";
import { language, setLanguage, t } from "../core/i18n";
import { signIn, signInNotice } from "../core/session";
import type { TokenResponse } from "../core/types";
import { errorText } from "../components/ui";

export function SignIn() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = signInNotice.value;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const token = await api<TokenResponse>("/api/auth/token", { method: "POST", json: { username: username.trim(), password } });
      signIn({ token: token.accessToken, expiresAt: token.expiresAt, role: token.role, username: username.trim() });
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t("signIn.failed") : errorText(failure));
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <form class="signin-form" onSubmit={submit} aria-labelledby="signin-title">
        <div class="signin-brand">
          <span class="brand">{t("app.name")}</span>
          <span class="muted">{t("app.tagline")}</span>
        </div>
        <h1 id="signin-title">{t("signIn.title")}</h1>
        {notice && !error && <p class="notice" role="status">{t(notice)}</p>}
        {error && <p class="error" role="alert">{error}</p>}
        <label class="field">
          <span class="field-label">{t("signIn.username")}</span>
          <input name="username" autoComplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} autoFocus />
        </label>
        <label class="field">
          <span class="field-label">{t("signIn.password")}</span>
          <input name="password" type="password" autoComplete="current-password" required value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn-primary btn-big" disabled={busy}>{t("signIn.submit")}</button>
        <button type="button" class="btn btn-quiet" data-testid="lang" onClick={() => setLanguage(language.value === "zh-CN" ? "en" : "zh-CN")}>
          {t("lang.switch")}
        </button>
      </form>
    </main>
  );
}
