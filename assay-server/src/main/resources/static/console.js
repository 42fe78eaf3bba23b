// Assay console: small progressive enhancements. Every page works without JavaScript except the charts, whose
// numbers are also in tables.
(function () {
  'use strict';

  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener('htmx:configRequest', function (e) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      e.detail.headers[header.content] = token.content;
    }
  });

  function initDrop() {
    var drop = document.getElementById('drop');
    var input = document.getElementById('file');
    var name = document.getElementById('drop-name');
    if (!drop || !input) return;
    ['dragenter', 'dragover'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (t) {
      drop.addEventListener(t, function (e) { e.preventDefault(); drop.classList.remove('over'); });
    });
    drop.addEventListener('drop', function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        name.textContent = 'Ready to check: ' + e.dataTransfer.files[0].name;
      }
    });
    input.addEventListener('change', function () {
      if (input.files.length) name.textContent = 'Ready to check: ' + input.files[0].name;
    });
    var form = document.getElementById('check-form');
    if (form) {
      form.addEventListener('submit', function () {
        var b = document.getElementById('check-submit');
        if (b) { b.disabled = true; b.textContent = 'Checking...'; }
      });
    }
  }

  var LABEL_COLORS = { 'none': '#3d4450', 'ai-edited': '#0b5394', 'ai-generated': '#5b2bb5', 'likely-ai': '#1a7f8e', 'known-deepfake': '#b3261e' };

  function data(el) {
    var src = document.getElementById(el.getAttribute('data-source'));
    return src ? JSON.parse(src.textContent) : {};
  }

  function bar(el, map, color) {
    var keys = Object.keys(map);
    var values = keys.map(function (k) { return Array.isArray(map[k]) ? map[k][0] : map[k]; });
    return {
      aria: { enabled: true },
      grid: { left: 48, right: 16, top: 16, bottom: 96 },
      xAxis: { type: 'category', data: keys, axisLabel: { rotate: keys.length > 4 ? 30 : 0, color: '#1a1a1a' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1a1a1a' } },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', data: values.map(function (v, i) {
        return { value: v, itemStyle: { color: color ? color(keys[i]) : '#0b57d0' } };
      }) }]
    };
  }

  var CHARTS = {
    network: function (d) {
      return {
        aria: { enabled: true },
        tooltip: {},
        series: [{
          type: 'graph', layout: 'force', roam: true, draggable: true,
          label: { show: true, position: 'right', color: '#1a1a1a' },
          force: { repulsion: 900, edgeLength: [120, 220] }, zoom: 1.4,
          data: (d.nodes || []).map(function (n) {
            return { name: n.name, value: n.value, symbolSize: 14 + Math.min(26, 2 * Math.sqrt(n.value)), itemStyle: { color: '#b3261e' } };
          }),
          links: (d.links || []).map(function (l) {
            return { source: l.source, target: l.target, value: l.value, lineStyle: { width: 1 + Math.min(6, l.value), color: '#5a6478' } };
          })
        }]
      };
    },
    timeline: function (d) {
      return {
        aria: { enabled: true },
        legend: { bottom: 0, itemGap: 24, textStyle: { color: '#1a1a1a' } },
        grid: { left: 48, right: 24, top: 24, bottom: 64 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'time', axisLabel: { color: '#1a1a1a' } },
        yAxis: { type: 'value', name: 'sightings', minInterval: 1, axisLabel: { color: '#1a1a1a' } },
        series: (d.series || []).map(function (s) {
          return { name: s.name, type: 'line', step: 'end', symbol: 'circle', symbolSize: 9, data: s.data };
        })
      };
    },
    labels: function (d) { return bar(null, d.labels || {}, function (k) { return LABEL_COLORS[k] || '#0b57d0'; }); },
    sources: function (d) { return bar(null, d.sources || {}); },
    elections: function (d) { return bar(null, d.elections || {}, function () { return '#b3261e'; }); },
    days: function (d) {
      var days = [], labels = Object.keys(LABEL_COLORS), byLabel = {};
      (d.days || []).forEach(function (r) { if (days.indexOf(r[0]) < 0) days.push(r[0]); });
      labels.forEach(function (l) { byLabel[l] = days.map(function () { return 0; }); });
      (d.days || []).forEach(function (r) { if (byLabel[r[1]]) byLabel[r[1]][days.indexOf(r[0])] = r[2]; });
      return {
        aria: { enabled: true },
        legend: { bottom: 0, itemGap: 24, textStyle: { color: '#1a1a1a' } },
        grid: { left: 48, right: 16, top: 16, bottom: 64 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: days, axisLabel: { color: '#1a1a1a' } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1a1a1a' } },
        series: labels.map(function (l) { return { name: l, type: 'bar', stack: 'all', data: byLabel[l], itemStyle: { color: LABEL_COLORS[l] } }; })
      };
    }
  };

  function initCharts(root) {
    if (!window.echarts) return;
    (root || document).querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.getAttribute('data-rendered')) return;
      var make = CHARTS[el.getAttribute('data-chart')];
      if (!make) return;
      var chart = window.echarts.init(el, null, { renderer: 'canvas' });
      var option = make(data(el));
      chart.setOption(option);
      var points = (option.series || []).reduce(function (n, s) { return n + (s.data ? s.data.length : 0); }, 0);
      el.setAttribute('data-rendered', 'true');
      el.setAttribute('data-points', String(points));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    initDrop();
    initCharts();
  });
  document.addEventListener('htmx:afterSettle', function (e) { initCharts(e.target); });
})();
