// ssi-kit's Voilà pages: links between lessons stay in the same tab, and static charts are drawn by the
// page itself as soon as the page and plotly.js are there.
(function () {
  "use strict";

  // Voilà opens every link of a rendered output (HTML or Markdown shown by a cell, also inside an Output
  // widget) in a new tab. A link to another lesson (a relative link to an .ipynb on this server) opens
  // in this tab instead, like the links of the lesson's text: the course reads as one site. A learner
  // who wants a new tab still gets one with Ctrl/Cmd/Shift or the middle button.
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || link.target !== "_blank" || event.defaultPrevented || event.button !== 0
        || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    var url = new URL(link.getAttribute("href"), window.location.href);
    if (url.origin !== window.location.origin || !/\.ipynb$/.test(url.pathname)) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    window.location.assign(url.href);
  }, true);

  // The static plotly charts: the figure the kernel displayed (application/vnd.plotly.v1+json), placed
  // in the page by the template when plotly.js is served (ssi-kit app). One chart per task, so the first
  // is painted before the next is built.
  function nextTask() {
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  async function drawCharts() {
    var specs = document.querySelectorAll('.ssi-kit-plot > script[type="application/vnd.plotly.v1+json"]');
    if (!specs.length || !window.Plotly) {
      return;
    }
    for (var i = 0; i < specs.length; i++) {
      var script = specs[i];
      var figure;
      try {
        figure = JSON.parse(script.textContent);
      } catch (error) {
        console.error("ssi-kit: gráfico ilegible", error);
        continue;
      }
      var chart = document.createElement("div");
      script.parentNode.replaceChild(chart, script);
      var config = Object.assign({responsive: true, displaylogo: false}, figure.config || {});
      try {
        await window.Plotly.newPlot(chart, figure.data || [], figure.layout || {}, config);
      } catch (error) {
        console.error("ssi-kit: no se pudo dibujar un gráfico", error);
      }
      await nextTask();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawCharts);
  } else {
    drawCharts();
  }
})();
