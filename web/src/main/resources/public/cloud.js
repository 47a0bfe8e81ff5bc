// Redraws the live views of the student's cloud after each command the terminal runs:
// every element with data-refresh="<url>" gets that url's fresh HTML.
document.addEventListener('lab:ran', async () => {
  for (const el of document.querySelectorAll('[data-refresh]')) {
    const r = await fetch(el.dataset.refresh);
    if (r.ok) el.innerHTML = await r.text();
  }
});
