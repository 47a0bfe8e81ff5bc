// Instructor grading job page: polls the job's progress while it runs, then reloads to show the outcome.
(function () {
  var box = document.getElementById('job');
  if (!box || box.getAttribute('data-state') !== 'running') return;
  var url = box.getAttribute('data-poll');
  function set(id, text) { var e = document.getElementById(id); if (e) e.textContent = text; }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        set('job-state', j.state); set('job-done', j.done); set('job-total', j.total); set('job-message', j.message);
        var p = document.getElementById('job-progress');
        if (p) { p.max = Math.max(1, j.total); p.value = j.done; p.textContent = j.done + ' of ' + j.total; }
        if (j.state === 'running') setTimeout(poll, 1000); else window.location.reload();
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
