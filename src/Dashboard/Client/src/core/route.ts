import { signal } from "@preact/signals";

export type Route = "control" | "staff" | "residents" | "gates" | "reports";
const routes: Route[] = ["control", "staff", "residents", "gates", "reports"];

function read(): Route | null {
  const name = location.hash.replace(/^#\/?/, "");
  return routes.includes(name as Route) ? (name as Route) : null;
}

/** The page in the address (`#/control`); null until one is chosen. */
export const route = signal<Route | null>(read());
window.addEventListener("hashchange", () => (route.value = read()));

export function go(to: Route): void {
  if (location.hash !== `#/${to}`) location.hash = `#/${to}`;
  route.value = to;
}
