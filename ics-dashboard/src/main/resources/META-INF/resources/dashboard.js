'use strict';
// Draws the dashboard from GET figures (same period as the page's own from/to). Every chart has a table of the
// same figures beside it; each cell carries data-key so that a test or an analyst's tool can read one figure.

const SUPPRESSED = '*';
const NONE = '–';

function shown(figure) {
  if (figure.suppressed) {
    return SUPPRESSED;
  }
  return figure.value === null || figure.value === undefined ? NONE : String(figure.value);
}

// A withheld figure is a gap in a chart, never a zero.
function plotted(figure) {
  return figure.suppressed || figure.value === null ? null : Number(figure.value);
}

function cell(row, text, key, header) {
  const td = document.createElement(header ? 'th' : 'td');
  if (header) {
    td.scope = 'row';
  }
  td.textContent = text;
  if (key) {
    td.dataset.key = key;
  }
  if (text === SUPPRESSED) {
    td.className = 'suppressed';
  }
  row.appendChild(td);
}

function fill(tableId, rows) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren();
  rows.forEach(cells => {
    const tr = document.createElement('tr');
    cells.forEach(([text, key], i) => cell(tr, text, key, i === 0));
    body.appendChild(tr);
  });
}

function percent(share) {
  return share === undefined || share === null ? NONE : (Number(share) * 100).toFixed(1) + '%';
}

const charts = {};
function chart(id, config) {
  if (charts[id]) {
    charts[id].destroy();
  }
  config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: true }, config.options);
  charts[id] = new Chart(document.getElementById(id), config);
}

const COLOURS = ['#005eb8', '#009639', '#ffb81c', '#7c2855', '#00a499', '#ed8b00', '#330072', '#d5281b', '#41b6e6',
  '#768692'];

function months(figures) {
  const labels = [...new Set(figures.months.map(m => m.month))];
  const pcns = [...new Set(figures.months.map(m => m.pcnCode || 'PCN not known'))];
  const series = field => pcns.map((pcn, i) => ({
    label: pcn,
    data: labels.map(month => {
      const row = figures.months.find(m => m.month === month && (m.pcnCode || 'PCN not known') === pcn);
      return row ? plotted(row[field]) : null;
    }),
    backgroundColor: COLOURS[i % COLOURS.length],
    borderColor: COLOURS[i % COLOURS.length],
    spanGaps: false
  }));
  chart('chart-referrals', {
    type: 'bar', data: { labels, datasets: series('referralsReceived') },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
  });
  chart('chart-waits', {
    type: 'line', data: { labels, datasets: series('medianDaysToFirstContact') },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'days' } } } }
  });
  fill('table-months', figures.months.map(m => {
    const key = 'month/' + m.month + '/' + (m.pcnCode || '') + '/';
    return [[m.month], [m.pcnCode || 'not known'], [shown(m.referralsReceived), key + 'referralsReceived'],
      [shown(m.firstContacts), key + 'firstContacts'],
      [shown(m.medianDaysToFirstContact), key + 'medianDaysToFirstContact'],
      [shown(m.p90DaysToFirstContact), key + 'p90DaysToFirstContact']];
  }));
}

// Each category's share of all referrals, beside the population's; withheld counts stay gaps.
function reach(reachFigures, chartId, tableId, keyPrefix) {
  const recorded = reachFigures.categories.filter(c => c in reachFigures.populationShare);
  const known = recorded.map(c => plotted(reachFigures.referralsReceived[c]));
  const total = plotted(reachFigures.total);
  chart(chartId, {
    type: 'bar',
    data: {
      labels: recorded,
      datasets: [
        { label: 'Referrals', data: known.map(n => (n === null || !total ? null : n / total)), backgroundColor: '#005eb8' },
        { label: 'Population', data: recorded.map(c => Number(reachFigures.populationShare[c])), backgroundColor: '#aeb7bd' }
      ]
    },
    options: { scales: { y: { beginAtZero: true, ticks: { format: { style: 'percent' } } } } }
  });
  fill(tableId, reachFigures.categories.map(c => [[c], [shown(reachFigures.referralsReceived[c]), keyPrefix + c],
    [percent(reachFigures.populationShare[c])]]).concat([[['All'], [shown(reachFigures.total), keyPrefix + 'total'], [NONE]]]));
}

function wellbeing(figures) {
  const rows = figures.months.flatMap(m => m.wellbeing.map(w => Object.assign({ month: m.month, pcnCode: m.pcnCode }, w)));
  const labels = [...new Set(rows.map(r => r.month + ' ' + (r.pcnCode || 'PCN not known')))];
  const measures = [...new Set(rows.map(r => r.instrument + '.' + r.measure))];
  chart('chart-wellbeing', {
    type: 'bar',
    data: {
      labels,
      datasets: measures.map((measure, i) => ({
        label: measure,
        data: labels.map(label => {
          const row = rows.find(r => r.month + ' ' + (r.pcnCode || 'PCN not known') === label
            && r.instrument + '.' + r.measure === measure);
          return row ? plotted(row.shareImproved) : null;
        }),
        backgroundColor: COLOURS[i % COLOURS.length]
      }))
    },
    options: { scales: { y: { beginAtZero: true, max: 1, ticks: { format: { style: 'percent' } } } } }
  });
  fill('table-wellbeing', rows.map(r => {
    const key = 'wellbeing/' + r.month + '/' + (r.pcnCode || '') + '/' + r.instrument + '.' + r.measure + '/';
    return [[r.month], [r.pcnCode || 'not known'], [r.instrument + ' ' + r.measure], [shown(r.people), key + 'people'],
      [shown(r.meanChange), key + 'meanChange'], [shown(r.shareImproved), key + 'shareImproved']];
  }));
}

function workforce(figures) {
  const pcns = figures.workforce.pcns;
  chart('chart-workforce', {
    type: 'bar',
    data: {
      labels: pcns.map(p => p.pcnCode),
      datasets: [
        { label: 'People per FTE', data: pcns.map(p => plotted(p.peoplePerFte)), backgroundColor: '#005eb8' },
        { type: 'line', label: 'Guidance low (' + figures.workforce.guidanceLow + ')', pointRadius: 0,
          data: pcns.map(() => figures.workforce.guidanceLow), borderColor: '#009639' },
        { type: 'line', label: 'Guidance high (' + figures.workforce.guidanceHigh + ')', pointRadius: 0,
          data: pcns.map(() => figures.workforce.guidanceHigh), borderColor: '#d5281b' }
      ]
    },
    options: { scales: { y: { beginAtZero: true } } }
  });
  fill('table-workforce', pcns.map(p => {
    const key = 'workforce/' + p.pcnCode + '/';
    return [[p.pcnCode], [String(p.linkWorkers), key + 'linkWorkers'], [String(p.fte), key + 'fte'],
      [shown(p.openCases), key + 'openCases'], [shown(p.peopleInYear), key + 'peopleInYear'],
      [shown(p.peoplePerFte), key + 'peoplePerFte'], [p.againstGuidance || NONE, key + 'againstGuidance']];
  }));
}

function fail(status, message) {
  status.textContent = message;
  status.className = 'error';
}

async function load() {
  const status = document.getElementById('status');
  const page = new URLSearchParams(window.location.search);
  const query = new URLSearchParams();
  ['from', 'to'].forEach(name => {
    if (page.get(name)) {
      query.set(name, page.get(name));
      document.getElementById(name).value = page.get(name);
    }
  });
  let response;
  try {
    // X-Requested-With: an ended login answers 499 instead of redirecting this request to the realm's login page.
    response = await fetch('figures' + (query.toString() ? '?' + query : ''), {
      headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' }, credentials: 'same-origin'
    });
  } catch (error) {
    fail(status, 'The figures could not be loaded: ' + error.message);
    return;
  }
  if (response.status === 499) {
    fail(status, 'Your login has ended: reload the page to log in again.');
    return;
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    fail(status, 'The figures could not be loaded: ' + (problem.detail || problem.title || response.status));
    return;
  }
  try {
    const figures = await response.json();
    document.getElementById('from').value = figures.from;
    document.getElementById('to').value = figures.to;
    months(figures);
    reach(figures.reachByImdDecile, 'chart-imd', 'table-imd', 'reach/imd/');
    reach(figures.reachByEthnicGroup, 'chart-ethnic', 'table-ethnic', 'reach/ethnic/');
    wellbeing(figures);
    workforce(figures);
    status.textContent = 'Figures from ' + figures.from + ' to ' + figures.to + ', worked out at ' + figures.generatedAt;
    status.dataset.loaded = 'true';
  } catch (error) {
    fail(status, 'The figures could not be shown: ' + error.message);
  }
}

document.addEventListener('DOMContentLoaded', load);
