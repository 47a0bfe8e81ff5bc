// Redraws the live views of the student's cloud after each command the terminal runs:
// every element with data-refresh="<url>" gets that url's fresh HTML (a #cloud-panel without one gets /cloud/panel).
document.addEventListener('lab:ran', async () => {
  const parts = [...document.querySelectorAll('[data-refresh]')].map(el => [el, el.dataset.refresh]);
  const panel = document.getElementById('cloud-panel');
  if (panel && !panel.dataset.refresh) parts.unshift([panel, '/cloud/panel']);
  for (const [el, url] of parts) {
    const r = await fetch(url);
    if (r.ok) el.innerHTML = await r.text();
  }
});
