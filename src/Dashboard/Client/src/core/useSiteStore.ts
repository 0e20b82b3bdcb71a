import { useEffect, useMemo } from "preact/hooks";
import { SiteStore } from "./sites";

/** The live store of a site for as long as the component shows it. */
export function useSiteStore(siteId: string): SiteStore {
  const store = useMemo(() => new SiteStore(siteId), [siteId]);
  useEffect(() => {
    store.open();
    return () => store.close();
  }, [store]);
  return store;
}
