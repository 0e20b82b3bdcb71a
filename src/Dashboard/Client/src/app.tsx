import { useEffect, useState } from "preact/hooks";
import { t } from "./core/i18n";
import { go, route } from "./core/route";
import { hasRole, session } from "./core/session";
import { chosenSite, loadSites, sites } from "./core/sites";
import { ControlRoom } from "./pages/ControlRoom";
import { Gates } from "./pages/Gates";
import { Reports } from "./pages/Reports";
import { Residents } from "./pages/Residents";
import { SignIn } from "./pages/SignIn";
import { Staff } from "./pages/Staff";
import { TopBar } from "./components/TopBar";
import { Toasts, errorText } from "./components/ui";

function SignedIn() {
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    loadSites().then(() => setReady(true), (failure) => setError(errorText(failure)));
  }, []);
  // Each role starts where its work is; a page the role may not use falls back the same way.
  const allowed = {
    control: hasRole("admin", "operator"),
    staff: true,
    residents: hasRole("admin", "operator"),
    reports: hasRole("admin", "operator"),
    gates: hasRole("admin"),
  };
  const page = route.value && allowed[route.value] ? route.value : hasRole("staff") ? "staff" : "control";
  useEffect(() => {
    if (route.value !== page) go(page);
  }, [page]);
  if (error) return <><TopBar /><p class="empty">{error}</p></>;
  if (!ready) return <p class="empty">{t("loading")}</p>;
  const siteId = chosenSite.value;
  if (page === "staff") return <Staff />;
  if (!siteId || sites.value.length === 0) return <><TopBar /><p class="empty">{t("site.none")}</p></>;
  switch (page) {
    case "residents": return <Residents key={siteId} siteId={siteId} />;
    case "gates": return <Gates key={siteId} siteId={siteId} />;
    case "reports": return <Reports key={siteId} siteId={siteId} />;
    default: return <ControlRoom key={siteId} siteId={siteId} />;
  }
}

export function App() {
  return (
    <>
      {session.value ? <SignedIn key={session.value.token} /> : <SignIn />}
      <Toasts />
    </>
  );
}
