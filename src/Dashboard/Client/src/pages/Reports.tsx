import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import uPlot from "uplot";
import { api, download } from "../core/api";
import { dateTime, duration, money, now } from "../core/format";
import { t, word } from "../core/i18n";
import { chosenConfig } from "../core/sites";
import type {
  DayReport, GateView, ResponseFigures, ResponseReport, RevenueRow, SiteUser, SituationWeekRow, TrafficRow,
} from "../core/types";
import { Chart } from "../components/Charts";
import { TopBar } from "../components/TopBar";
import { Field, failed } from "../components/ui";

type ReportName = "response" | "traffic" | "revenue" | "situations";

/** The longest period of the hourly traffic report (the API refuses more). */
const trafficDays = 31;
const presets = [7, 30, 90];
const gateColours = ["#7fb2e5", "#c3a6e8", "#7fd1c0", "#e8c27f", "#e89bb8", "#a9d37f", "#9fb3c8", "#e8a07f"];

const day = 86_400_000;
const parseDay = (text: string) => Date.parse(`${text}T00:00:00Z`);
const formatDay = (at: number) => new Date(at).toISOString().slice(0, 10);
const addDays = (text: string, days: number) => formatDay(parseDay(text) + days * day);
const daysBetween = (from: string, to: string) => Math.round((parseDay(to) - parseDay(from)) / day) + 1;
/** The Monday of a day's week. */
const weekOf = (text: string) => addDays(text, -((new Date(parseDay(text)).getUTCDay() + 6) % 7));

/** Seconds as people read a response time: "45 s", "12 min", "1 h 5 min"; a dash when there is none. */
function seconds(value: number | undefined): string {
  if (value === undefined) return "–";
  return value < 60 ? t("duration.sec", { n: Math.round(value) }) : duration(value);
}

interface Reports {
  response: ResponseReport;
  traffic: DayReport<TrafficRow>;
  revenue: DayReport<RevenueRow>;
  situations: DayReport<SituationWeekRow>;
}

function DownloadButtons(props: { siteId: string; report: ReportName; title: string; from: string; to: string }) {
  const get = (format: "csv" | "xlsx") => {
    const path = `/api/sites/${props.siteId}/reports/${props.report}?from=${props.from}&to=${props.to}&format=${format}`;
    void download(path, `${props.report}-${props.siteId}-${props.from}-${props.to}.${format}`).catch(failed);
  };
  return (
    <span class="report-downloads">
      <button type="button" class="btn btn-small" data-testid={`download-${props.report}-csv`}
        aria-label={t("reports.download", { report: props.title, format: "CSV" })} onClick={() => get("csv")}>
        <span aria-hidden="true">⤓</span> CSV
      </button>
      <button type="button" class="btn btn-small" data-testid={`download-${props.report}-xlsx`}
        aria-label={t("reports.download", { report: props.title, format: ".xlsx" })} onClick={() => get("xlsx")}>
        <span aria-hidden="true">⤓</span> .xlsx
      </button>
    </span>
  );
}

function ReportPanel(props: {
  id: ReportName; title: string; siteId: string; from: string; to: string; children: ComponentChildren; note?: string | undefined;
}) {
  return (
    <section class={`panel report report-${props.id}`} aria-labelledby={`report-${props.id}`} data-testid={`report-${props.id}`}>
      <div class="report-head">
        <h2 id={`report-${props.id}`}>{props.title}</h2>
        <DownloadButtons siteId={props.siteId} report={props.id} title={props.title} from={props.from} to={props.to} />
      </div>
      {props.note && <p class="muted report-note">{props.note}</p>}
      {props.children}
    </section>
  );
}

function Kpi(props: { label: string; value: string; testId: string }) {
  return (
    <div class="kpi" data-testid={props.testId}>
      <dt>{props.label}</dt>
      <dd class="num">{props.value}</dd>
    </div>
  );
}

function FiguresTable(props: { caption: string; keyHeader: string; rows: ResponseFigures[]; name: (key: string) => string; testId: string }) {
  if (props.rows.length === 0) return null;
  return (
    <div class="scroll-x" tabIndex={0} role="region" aria-label={props.caption}>
      <table class="report-table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead><tr>
          <th scope="col">{props.keyHeader}</th>
          <th scope="col" class="num">{t("reports.col.count")}</th>
          <th scope="col" class="num">{t("reports.col.acknowledged")}</th>
          <th scope="col" class="num">{t("reports.col.ackMedian")}</th>
          <th scope="col" class="num">{t("reports.col.ackP90")}</th>
          <th scope="col" class="num">{t("reports.col.resolved")}</th>
          <th scope="col" class="num">{t("reports.col.resolveMedian")}</th>
          <th scope="col" class="num">{t("reports.col.resolveP90")}</th>
        </tr></thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{props.name(row.key)}</th>
              <td class="num">{row.count}</td>
              <td class="num">{row.acknowledged}</td>
              <td class="num">{seconds(row.acknowledgeMedianSeconds)}</td>
              <td class="num">{seconds(row.acknowledgeP90Seconds)}</td>
              <td class="num">{row.resolved}</td>
              <td class="num">{seconds(row.resolveMedianSeconds)}</td>
              <td class="num">{seconds(row.resolveP90Seconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const hoursOfDay = Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, "0")}:00`);

function Traffic(props: { report: DayReport<TrafficRow>; gates: Map<string, string> }) {
  const { rows } = props.report;
  const gateIds = useMemo(() => [...new Set(rows.map((row) => row.gateId))].sort(), [rows]);
  // The hours of the day across the period: when the rushes come at each gate.
  const data = useMemo<uPlot.AlignedData>(() => {
    const series = gateIds.map(() => hoursOfDay.map(() => 0));
    for (const row of rows) series[gateIds.indexOf(row.gateId)]![row.hour]! += row.in + row.out + row.denied;
    return [hoursOfDay.map((_, hour) => hour), ...series];
  }, [rows, gateIds]);
  const totals = gateIds.map((gateId) => {
    const mine = rows.filter((row) => row.gateId === gateId);
    const busiest = mine.reduce<TrafficRow | null>((best, row) =>
      !best || row.in + row.out + row.denied > best.in + best.out + best.denied ? row : best, null);
    return {
      gateId,
      in: mine.reduce((sum, row) => sum + row.in, 0),
      out: mine.reduce((sum, row) => sum + row.out, 0),
      denied: mine.reduce((sum, row) => sum + row.denied, 0),
      busiest,
    };
  });
  if (rows.length === 0) return <p class="empty">{t("reports.empty")}</p>;
  return (
    <>
      <div class="report-chart">
        <Chart key={`${gateIds.map((gateId) => props.gates.get(gateId) ?? gateId).join(",")}-${props.report.from}-${props.report.to}`} label={t("reports.traffic.chart")} testId="chart-traffic"
          data={data} timeZone={undefined} categories={hoursOfDay}
          series={gateIds.map((gateId, position) => ({
            label: props.gates.get(gateId) ?? gateId, stroke: gateColours[position % gateColours.length]!, width: 2,
            dash: position % 2 === 1 ? [6, 3] : undefined, points: { size: 5 },
          }))} />
      </div>
      <div class="scroll-x" tabIndex={0} role="region" aria-label={t("reports.traffic.title")}>
        <table class="report-table" data-testid="traffic-table">
          <thead><tr>
            <th scope="col">{t("reports.col.gate")}</th>
            <th scope="col" class="num">{t("reports.col.in")}</th>
            <th scope="col" class="num">{t("reports.col.out")}</th>
            <th scope="col" class="num">{t("reports.col.denied")}</th>
            <th scope="col" class="num">{t("reports.col.total")}</th>
            <th scope="col">{t("reports.col.peak")}</th>
          </tr></thead>
          <tbody>
            {totals.map((gate) => (
              <tr key={gate.gateId}>
                <th scope="row">{props.gates.get(gate.gateId) ?? gate.gateId}</th>
                <td class="num">{gate.in}</td>
                <td class="num">{gate.out}</td>
                <td class={`num ${gate.denied > 0 ? "abnormal" : ""}`}>{gate.denied}</td>
                <td class="num">{gate.in + gate.out + gate.denied}</td>
                <td class="num nowrap">{gate.busiest ? `${gate.busiest.date.slice(5)} ${String(gate.busiest.hour).padStart(2, "0")}:00` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Revenue(props: { report: DayReport<RevenueRow> }) {
  const { rows } = props.report;
  const bars = uPlot.paths.bars?.({ size: [0.7, 40] });
  const data: uPlot.AlignedData = [rows.map((_, index) => index), rows.map((row) => row.revenueCents / 100)];
  const total = rows.reduce((sum, row) => sum + row.revenueCents, 0);
  const payments = rows.reduce((sum, row) => sum + row.payments, 0);
  return (
    <>
      <div class="report-chart">
        <Chart key={`${props.report.from}-${props.report.to}`} label={t("reports.revenue.chart")} testId="chart-revenue" data={data}
          timeZone={undefined} categories={rows.map((row) => row.date.slice(5))}
          series={[{ label: t("reports.col.revenue"), stroke: "#7fd1c0", fill: "rgba(127,209,192,0.35)", width: 1, points: { show: false }, ...(bars ? { paths: bars } : {}) }]} />
      </div>
      <div class="scroll-y" tabIndex={0} role="region" aria-label={t("reports.revenue.title")}>
        <table class="report-table" data-testid="revenue-table">
          <thead><tr>
            <th scope="col">{t("reports.col.date")}</th>
            <th scope="col" class="num">{t("reports.col.payments")}</th>
            <th scope="col" class="num">{t("reports.col.revenue")}</th>
          </tr></thead>
          <tbody>
            {[...rows].reverse().filter((row) => row.payments > 0).map((row) => (
              <tr key={row.date}>
                <th scope="row" class="date">{row.date}</th>
                <td class="num">{row.payments}</td>
                <td class="num">{money(row.revenueCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot><tr>
            <th scope="row">{t("reports.total")}</th>
            <td class="num">{payments}</td>
            <td class="num">{money(total)}</td>
          </tr></tfoot>
        </table>
      </div>
    </>
  );
}

function Situations(props: { report: DayReport<SituationWeekRow> }) {
  const { rows } = props.report;
  const weeks: string[] = [];
  for (let week = weekOf(props.report.from); week <= props.report.to; week = addDays(week, 7)) weeks.push(week);
  const kinds = [...new Set(rows.map((row) => row.kind))].sort((a, b) =>
    rows.filter((row) => row.kind === b).reduce((sum, row) => sum + row.raised, 0)
    - rows.filter((row) => row.kind === a).reduce((sum, row) => sum + row.raised, 0));
  const raised = (week: string, kind?: string) =>
    rows.filter((row) => row.week === week && (kind === undefined || row.kind === kind)).reduce((sum, row) => sum + row.raised, 0);
  const bars = uPlot.paths.bars?.({ size: [0.6, 60] });
  const data: uPlot.AlignedData = [weeks.map((_, index) => index), weeks.map((week) => raised(week))];
  if (rows.length === 0) return <p class="empty">{t("reports.empty")}</p>;
  return (
    <>
      <div class="report-chart">
        <Chart key={`${props.report.from}-${props.report.to}`} label={t("reports.situations.chart")} testId="chart-situations" data={data}
          timeZone={undefined} categories={weeks.map((week) => week.slice(5))}
          series={[{ label: t("reports.col.raised"), stroke: "#9fb3c8", fill: "rgba(159,179,200,0.35)", width: 1, points: { show: false }, ...(bars ? { paths: bars } : {}) }]} />
      </div>
      <div class="scroll-x" tabIndex={0} role="region" aria-label={t("reports.situations.title")}>
        <table class="report-table pivot" data-testid="situations-table">
          <thead><tr>
            <th scope="col">{t("reports.col.kind")}</th>
            {weeks.map((week) => <th key={week} scope="col" class="num">{week.slice(5)}</th>)}
            <th scope="col" class="num">{t("reports.col.total")}</th>
          </tr></thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row">{word(kind)}</th>
                {weeks.map((week) => {
                  const count = raised(week, kind);
                  return <td key={week} class={`num ${count === 0 ? "zero" : ""}`}>{count}</td>;
                })}
                <td class="num strong">{weeks.reduce((sum, week) => sum + raised(week, kind), 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Reports for a period of the site's calendar: response times, traffic, parking revenue and situations,
 * each with a chart, a table and its CSV and .xlsx downloads. */
export function Reports(props: { siteId: string }) {
  const timeZone = chosenConfig.value?.timeZone;
  const today = dateTime(now.peek(), timeZone).slice(0, 10);
  // "The last n days" follows the site's calendar: its time zone may arrive after the first render, and the
  // day turns at the site's midnight. Dates the operator picks stay as picked.
  const [choice, setChoice] = useState<{ days: number } | { from: string; to: string }>({ days: 30 });
  const period = "days" in choice ? { from: addDays(today, 1 - choice.days), to: today } : choice;
  const [reports, setReports] = useState<Reports | null>(null);
  const [gates, setGates] = useState(new Map<string, string>());
  const [users, setUsers] = useState(new Map<string, string>());
  const trafficFrom = daysBetween(period.from, period.to) > trafficDays ? addDays(period.to, 1 - trafficDays) : period.from;
  const valid = period.from <= period.to && daysBetween(period.from, period.to) <= 366;

  useEffect(() => {
    api<GateView[]>(`/api/sites/${props.siteId}/gates`)
      .then((list) => setGates(new Map(list.map((gate) => [gate.gateId, gate.name]))))
      .catch(() => undefined);
    api<SiteUser[]>(`/api/sites/${props.siteId}/users`)
      .then((list) => setUsers(new Map(list.map((user) => [user.username, user.displayName ?? user.username]))))
      .catch(() => undefined);
  }, [props.siteId]);

  useEffect(() => {
    if (!valid) return;
    let current = true;
    const range = `from=${period.from}&to=${period.to}`;
    const base = `/api/sites/${props.siteId}/reports`;
    Promise.all([
      api<ResponseReport>(`${base}/response?${range}`),
      api<DayReport<TrafficRow>>(`${base}/traffic?from=${trafficFrom}&to=${period.to}`),
      api<DayReport<RevenueRow>>(`${base}/revenue?${range}`),
      api<DayReport<SituationWeekRow>>(`${base}/situations?${range}`),
    ]).then(([response, traffic, revenue, situations]) => current && setReports({ response, traffic, revenue, situations }), failed);
    return () => {
      current = false;
    };
  }, [props.siteId, period.from, period.to, valid, trafficFrom]);

  const passages = reports?.traffic.rows.reduce((sum, row) => sum + row.in + row.out, 0) ?? 0;
  const denied = reports?.traffic.rows.reduce((sum, row) => sum + row.denied, 0) ?? 0;
  const revenue = reports?.revenue.rows.reduce((sum, row) => sum + row.revenueCents, 0) ?? 0;
  const raised = reports?.situations.rows.reduce((sum, row) => sum + row.raised, 0) ?? 0;
  const kinds = reports?.response.byKind ?? [];
  const resolved = kinds.reduce((sum, kind) => sum + kind.resolved, 0);
  const handled = kinds.reduce((sum, kind) => sum + kind.count, 0);
  const setDate = (key: "from" | "to") => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setChoice({ ...period, [key]: value });
  };

  return (
    <div class="page reports-page">
      <TopBar />
      <main class="reports-main">
        <section class="panel report-period" aria-labelledby="reports-title">
          <h1 id="reports-title" class="page-title">{t("reports.title")}</h1>
          <div class="period-controls" role="group" aria-label={t("reports.period")}>
            <Field label={t("reports.from")}>
              <input type="date" name="from" data-testid="report-from" value={period.from} max={period.to} onChange={setDate("from")} />
            </Field>
            <Field label={t("reports.to")}>
              <input type="date" name="to" data-testid="report-to" value={period.to} min={period.from} max={today} onChange={setDate("to")} />
            </Field>
            <div class="presets">
              {presets.map((days) => {
                const from = addDays(today, 1 - days);
                const chosen = "days" in choice ? choice.days === days : period.from === from && period.to === today;
                return (
                  <button key={days} type="button" class={`btn btn-small ${chosen ? "btn-chosen" : ""}`} aria-pressed={chosen}
                    onClick={() => setChoice({ days })}>{t("reports.last", { n: days })}</button>
                );
              })}
            </div>
          </div>
          <p class="muted report-note">{t("reports.fresh", { zone: reports?.traffic.timeZone ?? timeZone ?? "UTC" })}</p>
          {reports && (
            <dl class="kpis" data-testid="report-kpis">
              <Kpi label={t("reports.kpi.passages")} value={String(passages)} testId="kpi-passages" />
              <Kpi label={t("reports.kpi.denied")} value={String(denied)} testId="kpi-denied" />
              <Kpi label={t("reports.kpi.revenue")} value={money(revenue)} testId="kpi-revenue" />
              <Kpi label={t("reports.kpi.situations")} value={String(raised)} testId="kpi-situations" />
              <Kpi label={t("reports.kpi.resolved")} value={`${resolved} / ${handled}`} testId="kpi-resolved" />
            </dl>
          )}
        </section>
        {!reports ? <p class="empty">{t("loading")}</p> : (
          <div class="reports-grid">
            <ReportPanel id="response" title={t("reports.response.title")} siteId={props.siteId} from={period.from} to={period.to}
              note={t("reports.response.note")}>
              {reports.response.byUser.length === 0 && reports.response.byKind.length === 0
                ? <p class="empty">{t("reports.empty")}</p>
                : (
                  <>
                    <FiguresTable caption={t("reports.response.byUser")} keyHeader={t("reports.col.user")} rows={reports.response.byUser}
                      name={(key) => users.get(key) ?? key} testId="response-users" />
                    <FiguresTable caption={t("reports.response.byKind")} keyHeader={t("reports.col.kind")} rows={reports.response.byKind}
                      name={word} testId="response-kinds" />
                  </>
                )}
            </ReportPanel>
            <ReportPanel id="traffic" title={t("reports.traffic.title")} siteId={props.siteId} from={trafficFrom} to={period.to}
              note={trafficFrom !== period.from ? t("reports.traffic.clamped", { from: trafficFrom, to: period.to }) : undefined}>
              <Traffic report={reports.traffic} gates={gates} />
            </ReportPanel>
            <ReportPanel id="revenue" title={t("reports.revenue.title")} siteId={props.siteId} from={period.from} to={period.to}>
              <Revenue report={reports.revenue} />
            </ReportPanel>
            <ReportPanel id="situations" title={t("reports.situations.title")} siteId={props.siteId} from={period.from} to={period.to}>
              <Situations report={reports.situations} />
            </ReportPanel>
          </div>
        )}
      </main>
    </div>
  );
}
