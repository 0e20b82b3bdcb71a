import type { ComponentChildren } from "preact";
import { clock, now } from "../core/format";
import { language, setLanguage, t } from "../core/i18n";
import { link } from "../core/live";
import { route, type Route } from "../core/route";
import { hasRole, session, signOut } from "../core/session";
import { chosenConfig, chosenSite, sites } from "../core/sites";

function LinkState() {
  const state = link.value;
  return (
    <span class={`link link-${state}`} role="status" data-testid="link" data-state={state}>
      <span aria-hidden="true">{state === "live" ? "●" : state === "offline" ? "✕" : "◌"}</span> {t(`link.${state}`)}
    </span>
  );
}

const pages: { route: Route; key: "nav.control" | "nav.staff" | "nav.residents" | "nav.gates" | "nav.reports"; roles: ("admin" | "operator" | "staff")[] }[] = [
  { route: "control", key: "nav.control", roles: ["admin", "operator"] },
  { route: "staff", key: "nav.staff", roles: ["admin", "operator", "staff"] },
  { route: "residents", key: "nav.residents", roles: ["admin", "operator"] },
  { route: "reports", key: "nav.reports", roles: ["admin", "operator"] },
  { route: "gates", key: "nav.gates", roles: ["admin"] },
];

/** The bar on every page: site, connection, what is open, the site's clock, language and user. */
export function TopBar(props: { children?: ComponentChildren; timeZone?: string | undefined; siteSwitcher?: boolean }) {
  const user = session.value;
  return (
    <header class="topbar">
      <span class="brand">{t("app.name")}</span>
      {props.siteSwitcher !== false && sites.value.length > 0 && (
        <label class="site-switch">
          <span class="sr-only">{t("site.label")}</span>
          <select data-testid="site" value={chosenSite.value ?? ""} onChange={(event) => (chosenSite.value = event.currentTarget.value)}>
            {sites.value.map((site) => <option key={site.siteId} value={site.siteId}>{site.name}</option>)}
          </select>
        </label>
      )}
      <nav class="nav" aria-label="pages">
        {pages.filter((page) => hasRole(...page.roles)).map((page) => (
          <a key={page.route} href={`#/${page.route}`} aria-current={route.value === page.route ? "page" : undefined}>{t(page.key)}</a>
        ))}
      </nav>
      <LinkState />
      {props.children}
      <span class="spacer" />
      <time class="clock">{clock(now.value, props.timeZone ?? chosenConfig.value?.timeZone)}</time>
      <button type="button" class="btn btn-quiet" data-testid="lang" title={t("lang.label")}
        onClick={() => setLanguage(language.value === "zh-CN" ? "en" : "zh-CN")}>
        {t("lang.switch")}
      </button>
      <span class="user">{user?.username}</span>
      <button type="button" class="btn btn-quiet" onClick={() => signOut("signIn.signedOut")}>{t("signOut")}</button>
    </header>
  );
}
