/* Draws an indicator's chart with Chart.js from a json_script data island.
 *
 * The page renders <canvas data-chart-source="ID"> and
 * {{ chart|json_script:"ID" }}; every word shown here (legend, axis titles,
 * tooltips) comes translated from the server, so this file holds no UI text.
 *
 * Island shape (built by actionplan.plans.views.charts.indicator_chart_data):
 *   { unit, locale,
 *     labels: {observed, lower_bound, partial, superseded, target, trajectory, actual, x_axis, y_axis},
 *     points: [{x, y, series: observed|lower_bound|partial|superseded, period, display, source}],
 *     target: {x, y, display} | null,
 *     trajectory: [{x, y}, {x, y}] | [],
 *     forecast: [{x, y}, {x, y, period, display, source}] | [],   (last fitted point → forecast)
 *     band: [{x, y, period, display}, {x, y, period, display}] | [] }  (low, high at the target year)
 * x is a year position: x = Y is the end of year Y, so Jan–Nov 2019 sits just before 2019.
 */
(function () {
  "use strict";

  var COLOURS = {
    observed: "#1f5fa8",
    lower_bound: "#9a5b00",
    partial: "#0f7c7c",
    superseded: "#8a93a3",
    target: "#b3261e",
    trajectory: "#b3261e",
    actual: "#1f5fa8",
    forecast: "#6b3fa0",
    band: "rgba(107, 63, 160, 0.28)"
  };
  // Marker shapes carry the meaning; colour only repeats it.
  var STYLES = {
    observed: { pointStyle: "circle", radius: 5, filled: true },
    lower_bound: { pointStyle: "triangle", radius: 7, filled: true },
    partial: { pointStyle: "rectRot", radius: 6, filled: false },
    superseded: { pointStyle: "crossRot", radius: 6, filled: false }
  };

  function formatter(locale) {
    var full = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    var compact;
    try {
      compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 2 });
    } catch (e) {
      compact = full;
    }
    return { full: full, compact: compact };
  }

  function draw(canvas) {
    var island = document.getElementById(canvas.getAttribute("data-chart-source"));
    if (!island || typeof Chart === "undefined") {
      return null;
    }
    var data = JSON.parse(island.textContent);
    var labels = data.labels;
    var fmt = formatter(data.locale || document.documentElement.lang || "zh-Hans");
    var datasets = [];

    if (data.trajectory && data.trajectory.length === 2) {
      datasets.push({
        type: "line",
        label: labels.trajectory,
        data: data.trajectory,
        borderColor: COLOURS.trajectory,
        borderDash: [6, 5],
        borderWidth: 1.5,
        pointRadius: 0,
        pointHitRadius: 0,
        pointStyle: "line",
        fill: false,
        order: 5,
        _series: "trajectory"
      });
    }

    // The counted values (full periods, one per period), joined in time order.
    var counted = data.points
      .filter(function (p) { return p.series === "observed" || p.series === "lower_bound"; })
      .sort(function (a, b) { return a.x - b.x; });
    if (counted.length > 1) {
      datasets.push({
        type: "line",
        label: labels.actual,
        data: counted.map(function (p) { return { x: p.x, y: p.y }; }),
        borderColor: COLOURS.actual,
        borderWidth: 2,
        pointRadius: 0,
        pointHitRadius: 0,
        pointStyle: "line",
        fill: false,
        order: 4,
        _series: "actual"
      });
    }

    ["observed", "lower_bound", "partial", "superseded"].forEach(function (series) {
      var points = data.points.filter(function (p) { return p.series === series; });
      if (!points.length) {
        return;
      }
      var style = STYLES[series];
      datasets.push({
        type: "scatter",
        label: labels[series],
        data: points,
        pointStyle: style.pointStyle,
        pointRadius: style.radius,
        pointHoverRadius: style.radius + 2,
        borderColor: COLOURS[series],
        backgroundColor: style.filled ? COLOURS[series] : "#ffffff",
        borderWidth: 2,
        order: 1,
        _series: series
      });
    });

    if (data.target) {
      datasets.push({
        type: "scatter",
        label: labels.target,
        data: [data.target],
        pointStyle: "star",
        pointRadius: 11,
        pointHoverRadius: 13,
        borderColor: COLOURS.target,
        backgroundColor: COLOURS.target,
        borderWidth: 2.5,
        order: 0,
        _series: "target"
      });
    }

    // The engine's forecast for the target year: dashed from the last point
    // the trend rests on; its band as a broad bar at the target year.
    var forecast = data.forecast || [];
    var band = data.band || [];
    if (forecast.length === 2) {
      datasets.push({
        type: "line",
        label: labels.forecast,
        data: forecast,
        borderColor: COLOURS.forecast,
        backgroundColor: "#ffffff",
        borderDash: [3, 4],
        borderWidth: 2,
        pointRadius: [0, 6],
        pointHoverRadius: [0, 8],
        pointHitRadius: [0, 6],
        pointStyle: "rectRot",
        pointBorderWidth: 2,
        fill: false,
        order: 2,
        _series: "forecast"
      });
    }
    if (band.length === 2) {
      datasets.push({
        type: "line",
        label: labels.band,
        data: band,
        borderColor: COLOURS.band,
        backgroundColor: COLOURS.band,
        borderWidth: 12,
        borderCapStyle: "butt",
        pointRadius: 0,
        pointHitRadius: 8,
        pointStyle: "rect",
        fill: false,
        order: 3,
        _series: "band"
      });
    }

    var xs = data.points.map(function (p) { return p.x; });
    if (data.target) { xs.push(data.target.x); }
    data.trajectory.forEach(function (p) { xs.push(p.x); });
    forecast.forEach(function (p) { xs.push(p.x); });
    var xmin = Math.floor(Math.min.apply(null, xs)) - 1;
    var xmax = Math.ceil(Math.max.apply(null, xs)) + 1;

    return new Chart(canvas, {
      data: { datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: data.locale,
        parsing: { xAxisKey: "x", yAxisKey: "y" },
        interaction: { mode: "nearest", intersect: true },
        scales: {
          x: {
            type: "linear",
            min: xmin,
            max: xmax,
            title: { display: true, text: labels.x_axis },
            ticks: {
              stepSize: 1,
              callback: function (value) { return Number.isInteger(value) ? String(value) : ""; }
            },
            grid: { color: "#eef1f6" }
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: labels.y_axis },
            ticks: { callback: function (value) { return fmt.compact.format(value); } },
            grid: { color: "#eef1f6" }
          }
        },
        plugins: {
          legend: {
            position: "bottom",
            labels: { usePointStyle: true, padding: 16, boxHeight: 9 }
          },
          tooltip: {
            callbacks: {
              title: function (items) {
                var raw = items[0].raw;
                return raw.period || "";
              },
              label: function (item) {
                var raw = item.raw;
                return raw.display || fmt.full.format(raw.y);
              },
              afterLabel: function (item) {
                return item.raw.source || "";
              }
            }
          }
        }
      }
    });
  }

  function drawAll(root) {
    var canvases = (root || document).querySelectorAll("canvas[data-chart-source]");
    Array.prototype.forEach.call(canvases, function (canvas) {
      if (!Chart.getChart(canvas)) {
        draw(canvas);
      }
    });
  }

  window.actionplanDrawCharts = drawAll;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  } else {
    drawAll(document);
  }
  // Redraw after htmx swaps in a fresh chart (e.g. after the coordinator marks a value).
  document.addEventListener("htmx:afterSettle", function (event) { drawAll(event.target); });
})();
