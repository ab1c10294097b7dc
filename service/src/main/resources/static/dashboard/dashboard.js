// The managers' dashboard: signs in with HTTP Basic (the service's embedded authentication), asks the GraphQL
// endpoint for serviceMetrics and staffPerformance, and draws the figures with Chart.js. The charts are kept on
// window.dashboardCharts so that tests (and curious operators) can inspect what was drawn.
(function () {
  'use strict';
  const ZONE_OFFSET = '+08:00'; // the metrics time zone, Asia/Shanghai (no daylight saving)
  const BUCKET_FIELDS = `period definitionVersion complaintsFiled avgFirstResponseMinutes p90FirstResponseMinutes
    firstContactResolutionRate complaintsResolved avgHandlingHours slaBreachRate slaBreaches csatAverage csatCount
    nps npsCount refundsCount refundsAmount { amount currency } autoApprovalRate avgRefundHours repairsCount
    freeRepairShare repeatPurchaseRate repeatPurchases topCategories { category count share flagged }
    flaggedCategories { category share }`;
  const STAFF_FIELDS = `staffId complaintsOwned avgFirstResponseMinutes firstContactResolutionRate followUpsAssigned
    followUpsCompleted followUpCompletionRate csatAverage csatCount`;
  const COLORS = ['#0b6bcb', '#c2410c', '#15803d', '#7c3aed', '#ca8a04', '#0e7490', '#be185d', '#4d7c0f', '#475569', '#9333ea'];
  const charts = {};
  window.dashboardCharts = charts;
  window.dashboardState = { loads: 0, lastError: null };
  let credentials = sessionStorage.getItem('careledger.basic');

  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);

  function isoDate(date) { return date.toISOString().substring(0, 10); }

  function initFilters() {
    const today = new Date();
    const from = new Date(today.getTime() - 90 * 24 * 3600 * 1000);
    $('from').value = params.get('from') || isoDate(from);
    $('to').value = params.get('to') || isoDate(today);
    for (const name of ['granularity', 'storeId', 'regionId', 'channel']) {
      if (params.get(name)) { $(name).value = params.get(name); }
    }
  }

  async function graphql(query, variables) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Authorization': 'Basic ' + credentials,
        // Without it Spring Security answers 401 with a Basic challenge and the browser pops up its own prompt.
        'X-Requested-With': 'XMLHttpRequest' },
      body: JSON.stringify({ query, variables })
    });
    if (response.status === 401) { throw new Error('Wrong user or password'); }
    const body = await response.json();
    if (body.errors && body.errors.length) {
      const error = body.errors[0];
      throw new Error(error.extensions && error.extensions.classification === 'FORBIDDEN'
        ? 'This user may not read the service metrics (ANALYST or SUPERVISOR only)' : error.message);
    }
    return body.data;
  }

  function variables() {
    const v = {
      from: $('from').value + 'T00:00:00' + ZONE_OFFSET,
      to: $('to').value + 'T00:00:00' + ZONE_OFFSET,
      granularity: $('granularity').value
    };
    for (const name of ['storeId', 'regionId', 'channel']) {
      if ($(name).value) { v[name] = $(name).value; }
    }
    return v;
  }

  async function load() {
    $('status').textContent = 'Loading…';
    $('error').textContent = '';
    const v = variables();
    try {
      const data = await graphql(`query($from: DateTime!, $to: DateTime!, $granularity: Granularity!, $storeId: ID,
          $regionId: ID, $channel: Channel) {
        serviceMetrics(from: $from, to: $to, granularity: $granularity, storeId: $storeId, regionId: $regionId,
                       channel: $channel) { ${BUCKET_FIELDS} }
        staffPerformance(from: $from, to: $to, storeId: $storeId, regionId: $regionId) { ${STAFF_FIELDS} }
      }`, v);
      render(data.serviceMetrics, data.staffPerformance);
      window.dashboardState.loads++;
      $('status').textContent = data.serviceMetrics.length + ' periods';
    } catch (e) {
      window.dashboardState.lastError = e.message;
      $('status').textContent = '';
      $('error').textContent = e.message;
      if (e.message === 'Wrong user or password') { signOut(); }
    }
  }

  // --- totals over the range, from the buckets' additive parts ---

  function weighted(buckets, value, weight) {
    let sum = 0, n = 0;
    for (const b of buckets) {
      if (b[value] !== null && b[weight] > 0) { sum += b[value] * b[weight]; n += b[weight]; }
    }
    return n ? sum / n : null;
  }

  function total(buckets, field) { return buckets.reduce((s, b) => s + (b[field] || 0), 0); }

  function fmt(value, digits, suffix) {
    return value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits) + (suffix || '');
  }

  function pct(value) { return value === null || value === undefined ? '–' : (value * 100).toFixed(1) + '%'; }

  function headline(buckets) {
    const filed = total(buckets, 'complaintsFiled');
    const breaches = total(buckets, 'slaBreaches');
    const resolved = total(buckets, 'complaintsResolved');
    const fcr = weighted(buckets, 'firstContactResolutionRate', 'complaintsResolved');
    const refunds = total(buckets, 'refundsCount');
    const amount = buckets.reduce((s, b) => s + (b.refundsAmount ? Number(b.refundsAmount.amount) : 0), 0);
    const currency = (buckets.find(b => b.refundsAmount) || { refundsAmount: { currency: '' } }).refundsAmount.currency;
    const flagged = buckets.some(b => b.flaggedCategories.length > 0);
    const cards = [
      ['Complaints filed', String(filed)],
      ['Avg first response', fmt(weighted(buckets, 'avgFirstResponseMinutes', 'complaintsFiled'), 0, ' min')],
      ['First-contact resolution', pct(fcr)],
      ['Avg handling time', fmt(weighted(buckets, 'avgHandlingHours', 'complaintsResolved'), 1, ' h')],
      ['SLA breach rate', filed ? pct(breaches / filed) : '–'],
      ['CSAT', fmt(weighted(buckets, 'csatAverage', 'csatCount'), 2, ' / 5')],
      ['NPS', fmt(weighted(buckets, 'nps', 'npsCount'), 0)],
      ['Refunds', String(refunds), false, amount.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' ' + currency + ' paid'],
      ['Repeat purchase ≤90 d', resolved ? pct(total(buckets, 'repeatPurchases') / resolved) : '–'],
      ['Periods with a category above 40%', flagged ? '⚑ ' + buckets.filter(b => b.flaggedCategories.length > 0).length : '0', flagged,
        [...new Set(buckets.flatMap(b => b.flaggedCategories.map(c => c.category)))].join(', ')]
    ];
    $('headline').innerHTML = '';
    for (const [label, value, flag, detail] of cards) {
      const card = document.createElement('div');
      card.className = 'card' + (flag ? ' flag' : '');
      card.innerHTML = '<div class="value"></div><div class="label"></div><div class="detail"></div>';
      card.querySelector('.value').textContent = value;
      card.querySelector('.label').textContent = label;
      card.querySelector('.detail').textContent = detail || '';
      $('headline').appendChild(card);
    }
  }

  function draw(name, canvas, config) {
    if (charts[name]) { charts[name].destroy(); }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: 'index', intersect: false } }, config.options || {});
    charts[name] = new Chart($(canvas), config);
  }

  const percentAxis = { min: 0, max: 100, ticks: { callback: (v) => v + '%' } };
  const asPercent = (values) => values.map(v => v === null ? null : +(v * 100).toFixed(1));

  function render(buckets, staff) {
    const labels = buckets.map(b => b.period);
    headline(buckets);
    $('definition').textContent = buckets.length ? buckets[0].definitionVersion : '';
    draw('responseTime', 'chart-response', {
      data: { labels, datasets: [
        { type: 'bar', label: 'complaints filed', data: buckets.map(b => b.complaintsFiled), backgroundColor: '#bcccdc', yAxisID: 'count' },
        { type: 'line', label: 'avg first response (min)', data: buckets.map(b => b.avgFirstResponseMinutes), borderColor: COLORS[0], yAxisID: 'minutes', spanGaps: true },
        { type: 'line', label: 'p90 first response (min)', data: buckets.map(b => b.p90FirstResponseMinutes), borderColor: COLORS[1], borderDash: [4, 3], yAxisID: 'minutes', spanGaps: true }
      ] },
      options: { scales: { count: { position: 'left', beginAtZero: true, title: { display: true, text: 'complaints' } },
        minutes: { position: 'right', beginAtZero: true, grid: { display: false }, title: { display: true, text: 'minutes' } } } }
    });
    draw('resolution', 'chart-resolution', {
      type: 'line',
      data: { labels, datasets: [
        { label: 'first-contact resolution %', data: asPercent(buckets.map(b => b.firstContactResolutionRate)), borderColor: COLORS[2], spanGaps: true },
        { label: 'SLA breach rate %', data: asPercent(buckets.map(b => b.slaBreachRate)), borderColor: COLORS[1], spanGaps: true },
        { label: 'repeat purchase ≤90 d %', data: asPercent(buckets.map(b => b.repeatPurchaseRate)), borderColor: COLORS[3], spanGaps: true }
      ] },
      options: { scales: { y: percentAxis } }
    });
    draw('satisfaction', 'chart-satisfaction', {
      type: 'line',
      data: { labels, datasets: [
        { label: 'CSAT (1–5)', data: buckets.map(b => b.csatAverage), borderColor: COLORS[0], yAxisID: 'csat', spanGaps: true },
        { label: 'NPS', data: buckets.map(b => b.nps), borderColor: COLORS[4], yAxisID: 'nps', spanGaps: true }
      ] },
      options: { scales: { csat: { min: 1, max: 5 }, nps: { position: 'right', min: -100, max: 100, grid: { display: false } } } }
    });
    draw('refunds', 'chart-refunds', {
      data: { labels, datasets: [
        { type: 'bar', label: 'refunds', data: buckets.map(b => b.refundsCount), backgroundColor: '#9fb3c8', yAxisID: 'count' },
        { type: 'line', label: 'amount paid', data: buckets.map(b => b.refundsAmount ? Number(b.refundsAmount.amount) : null), borderColor: COLORS[2], yAxisID: 'amount' },
        { type: 'line', label: 'automatic approval %', data: asPercent(buckets.map(b => b.autoApprovalRate)), borderColor: COLORS[3], borderDash: [4, 3], yAxisID: 'share', spanGaps: true }
      ] },
      options: { scales: { count: { beginAtZero: true, title: { display: true, text: 'refunds' } },
        amount: { position: 'right', beginAtZero: true, grid: { display: false }, title: { display: true, text: 'paid' } }, share: { display: false, min: 0, max: 100 } } }
    });
    const categories = [...new Set(buckets.flatMap(b => b.topCategories.map(c => c.category)))];
    draw('categories', 'chart-categories', {
      type: 'bar',
      data: { labels, datasets: categories.map((category, i) => ({
        label: category,
        data: buckets.map(b => { const c = b.topCategories.find(t => t.category === category); return c ? +(c.share * 100).toFixed(1) : 0; }),
        backgroundColor: COLORS[i % COLORS.length]
      })) },
      options: { scales: { x: { stacked: true }, y: Object.assign({ stacked: true }, percentAxis) },
        plugins: { tooltip: { callbacks: { label: (item) => {
          const c = buckets[item.dataIndex].topCategories.find(t => t.category === item.dataset.label);
          return c ? `${c.category}: ${c.count} (${(c.share * 100).toFixed(1)}%)${c.flagged ? ' ⚑' : ''}` : '';
        } } } } }
    });
    const body = $('staff').querySelector('tbody');
    body.innerHTML = '';
    for (const s of staff) {
      const row = document.createElement('tr');
      for (const cell of [s.staffId, s.complaintsOwned, fmt(s.avgFirstResponseMinutes, 0), pct(s.firstContactResolutionRate),
        s.followUpsAssigned, s.followUpsCompleted, pct(s.followUpCompletionRate),
        s.csatCount ? fmt(s.csatAverage, 2) + ' (' + s.csatCount + ')' : '–']) {
        const td = document.createElement('td');
        td.textContent = cell;
        row.appendChild(td);
      }
      body.appendChild(row);
    }
  }

  function signIn(event) {
    event.preventDefault();
    credentials = btoa(unescape(encodeURIComponent($('username').value + ':' + $('password').value)));
    sessionStorage.setItem('careledger.basic', credentials);
    show();
  }

  function signOut() {
    credentials = null;
    sessionStorage.removeItem('careledger.basic');
    $('dashboard').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = 'Wrong user or password';
  }

  function show() {
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    $('who').textContent = atob(credentials).split(':')[0];
    load();
  }

  document.addEventListener('DOMContentLoaded', () => {
    initFilters();
    $('sign-in-form').addEventListener('submit', signIn);
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); load(); });
    if (credentials) { show(); }
  });
})();
