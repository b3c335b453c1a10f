// 效能监管大屏: draws the charts over the figures the page already shows as tables, and refreshes them.
// The page works without this script (the tables and links are the dashboard); charts only add a view.
import * as echarts from "echarts/core";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent, LegendComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const charts = new Map();

function percent(value) {
  return value === null || value === undefined ? null : Math.round(value * 1000) / 10;
}

function chart(id) {
  const element = document.getElementById(id);
  if (!element) {
    return null;
  }
  if (!charts.has(id)) {
    const instance = echarts.init(element, null, { renderer: "svg" });
    charts.set(id, instance);
    window.addEventListener("resize", () => instance.resize());
  }
  return charts.get(id);
}

// A ranking: one bar per row, best first; a click follows the row's link (the drill-down the table offers too).
function ranking(id, rows, label) {
  const target = chart(id);
  if (!target) {
    return;
  }
  const sorted = rows.filter((r) => r.value !== null).sort((a, b) => b.value - a.value);
  target.setOption({
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", inverse: true, data: sorted.map((r) => r.name) },
    series: [{
      name: label, type: "bar", data: sorted.map((r) => ({ value: percent(r.value), href: r.href })),
      label: { show: true, position: "right", formatter: "{c}%" },
    }],
  }, true);
  target.off("click");
  target.on("click", (event) => {
    if (event.data && event.data.href) {
      window.location.href = event.data.href;
    }
  });
}

function trend(id, months) {
  const target = chart(id);
  if (!target) {
    return;
  }
  target.setOption({
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    xAxis: { type: "category", data: months.map((m) => m.name) },
    yAxis: [{ type: "value", name: "件" }, { type: "value", name: "%", max: 100 }],
    series: [
      { name: "申请件数", type: "bar", data: months.map((m) => m.applications) },
      { name: "办结件数", type: "bar", data: months.map((m) => m.finished) },
      { name: "按时办结率", type: "line", yAxisIndex: 1, data: months.map((m) => percent(m.onTimeRate)) },
    ],
  }, true);
}

function draw(data) {
  ranking("chart-regions", data.regions, "按时办结率");
  ranking("chart-departments", data.departments, "按时办结率");
  trend("chart-trend", data.months);
  const stamp = document.getElementById("refreshed-at");
  if (stamp && data.refreshedAt) {
    stamp.textContent = data.refreshedAt;
  }
}

function start() {
  const embedded = document.getElementById("dashboard-data");
  if (!embedded) {
    return;
  }
  document.documentElement.classList.add("charts");
  draw(JSON.parse(embedded.textContent));
  const source = embedded.dataset.source;
  const seconds = Number(embedded.dataset.refreshSeconds || "0");
  if (source && seconds > 0) {
    window.setInterval(async () => {
      try {
        const response = await fetch(source, { credentials: "same-origin", headers: { Accept: "application/json" } });
        if (response.ok) {
          draw(await response.json());
        }
      } catch {
        // The figures shown stay; the next refresh tries again.
      }
    }, seconds * 1000);
  }
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start);
} else {
  start();
}
