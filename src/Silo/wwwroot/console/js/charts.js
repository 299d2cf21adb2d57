// Chart.js (loaded from wwwroot/console/lib, built from the npm package) with the console's look: no animation, so a
// chart shows the data at once, and a data-point-count attribute telling how many points it draws.
import { t } from './i18n.js';

const palette = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c'];

function baseOptions(extra = {}) {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom' } },
    ...extra,
  };
}

function create(canvas, config) {
  Chart.getChart(canvas)?.destroy();
  const chart = new Chart(canvas, config);
  mark(chart);
  return chart;
}

/** Records on the canvas how many data points the chart draws (readable by assistive tooling and tests). */
export function mark(chart) {
  const count = chart.data.datasets.reduce((sum, dataset) => sum + dataset.data.length, 0);
  chart.canvas.dataset.pointCount = String(count);
}

/** Valence (-1..1) and arousal (0..1) over time; points are {x: label, valence, arousal}. */
export function emotionChart(canvas, points = []) {
  return create(canvas, {
    type: 'line',
    data: {
      labels: points.map(p => p.x),
      datasets: [
        { label: t('chart.valence'), data: points.map(p => p.valence), borderColor: palette[0], backgroundColor: palette[0], tension: 0.25 },
        { label: t('chart.arousal'), data: points.map(p => p.arousal), borderColor: palette[1], backgroundColor: palette[1], tension: 0.25 },
      ],
    },
    options: baseOptions({ scales: { y: { min: -1, max: 1 } } }),
  });
}

export function addEmotionPoint(chart, point) {
  chart.data.labels.push(point.x);
  chart.data.datasets[0].data.push(point.valence);
  chart.data.datasets[1].data.push(point.arousal);
  chart.update('none');
  mark(chart);
}

export function lineChart(canvas, labels, label, values, yOptions = {}) {
  return create(canvas, {
    type: 'line',
    data: { labels, datasets: [{ label, data: values, borderColor: palette[5], backgroundColor: palette[5], stepped: false, pointRadius: 1 }] },
    options: baseOptions({ scales: { y: yOptions } }),
  });
}

export function barChart(canvas, labels, label, values, { horizontal = false, percent = false } = {}) {
  return create(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: labels.map((_, i) => palette[i % palette.length]) }] },
    options: baseOptions({
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { display: false } },
      scales: percent ? { [horizontal ? 'x' : 'y']: { min: 0, max: 100 } } : { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
    }),
  });
}
