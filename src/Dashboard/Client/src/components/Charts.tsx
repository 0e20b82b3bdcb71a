import { useEffect, useRef, useState } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { api } from "../core/api";
import { clock } from "../core/format";
import { language, t, word } from "../core/i18n";
import type { Activity, Severity } from "../core/types";

const severityColours: Record<Severity, string> = { critical: "#ff6b6b", major: "#ff9f43", minor: "#f5c542", info: "#9aa9bd" };
const axisColour = "#aeb6bf";
const gridColour = "rgba(255,255,255,0.07)";

function axes(timeZone: string | undefined, categories?: readonly string[]): uPlot.Axis[] {
  const common = { stroke: axisColour, grid: { stroke: gridColour, width: 1 }, ticks: { stroke: gridColour, width: 1 } };
  const x: uPlot.Axis = categories
    ? { ...common, incrs: [1, 2, 3, 4, 6, 7, 12, 14, 24, 28, 30], values: (_: uPlot, ticks: number[]) => ticks.map((tick) => categories[tick] ?? "") }
    : { ...common, values: (_: uPlot, ticks: number[]) => ticks.map((tick) => clock(tick * 1000, timeZone).slice(0, 5)) };
  return [x, { ...common, size: 40 }];
}

/** A small uPlot chart that follows its container's size: time on x (labelled by the site's clock), or,
 * with `categories`, one x position per category (x = 0, 1, ...), labelled by its name. */
export function Chart(props: {
  label: string; data: uPlot.AlignedData; series: uPlot.Series[]; timeZone: string | undefined; testId: string;
  categories?: readonly string[];
}) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: Math.max(200, element.clientWidth),
      height: Math.max(120, element.clientHeight - 28),
      series: [{}, ...props.series],
      axes: axes(props.timeZone, props.categories),
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: {
        x: props.categories ? { time: false, range: [-0.5, Math.max(0.5, props.categories.length - 0.5)] } : { time: true },
        y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.15))] } },
    };
    const chart = new uPlot(options, props.data, element);
    plot.current = chart;
    const observer = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(200, element.clientWidth), height: Math.max(120, element.clientHeight - 28) }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [props.timeZone, language.value]);
  useEffect(() => plot.current?.setData(props.data), [props.data]);
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.label}</figcaption>
      <div class="chart-host" ref={host} role="img" aria-label={props.label} />
    </figure>
  );
}

/** Events per minute and open situations by severity over the last hour, refreshed every 30 s. */
export function ActivityCharts(props: { siteId: string; timeZone: string | undefined }) {
  const [activity, setActivity] = useState<Activity | null>(null);
  useEffect(() => {
    let current = true;
    const load = () => api<Activity>(`/api/sites/${props.siteId}/activity`)
      .then((value) => current && setActivity(value))
      .catch(() => undefined);
    void load();
    const timer = setInterval(load, 30_000);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [props.siteId]);
  const minutes = activity?.minutes ?? [];
  const x = minutes.map((minute) => Date.parse(minute.at) / 1000);
  const events: uPlot.AlignedData = [x, minutes.map((minute) => minute.events)];
  const open: uPlot.AlignedData = [x, ...(["critical", "major", "minor", "info"] as const).map((severity) => minutes.map((minute) => minute[severity]))];
  const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
  return (
    <>
      <Chart label={t("chart.events")} testId="chart-events" data={events} timeZone={props.timeZone}
        series={[{ label: t("feed.title"), stroke: "#7fb2e5", fill: "rgba(127,178,229,0.35)", width: 1, ...(bars ? { paths: bars } : {}) }]} />
      <Chart label={t("chart.open")} testId="chart-open" data={open} timeZone={props.timeZone}
        series={(["critical", "major", "minor", "info"] as const).map((severity) => ({
          label: word(severity), stroke: severityColours[severity], width: 2,
          dash: severity === "minor" ? [6, 3] : severity === "info" ? [2, 3] : undefined,
        }))} />
    </>
  );
}
