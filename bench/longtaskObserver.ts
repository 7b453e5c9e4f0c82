// The page script that records every main-thread long task from the first script on
// (window.__longtasks as [startTime, duration]): added before the page's own by bench:browser and
// the benches that count tasks as it does.
export const LONGTASKS = `(() => {
  window.__longtasks = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) {}
})();`;
