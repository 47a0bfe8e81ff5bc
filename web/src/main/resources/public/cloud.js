// Redraws the live view of the student's cloud after each command the terminal runs.
document.addEventListener('lab:ran', async () => {
  const r = await fetch('/cloud/panel');
  if (r.ok) document.getElementById('cloud-panel').innerHTML = await r.text();
});
