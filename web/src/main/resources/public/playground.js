// The Java playground: runs the snippet without reloading the page and appends the result to the log.
(function () {
  var form = document.getElementById('jshell-form');
  if (!form) return;
  var source = document.getElementById('jshell-source');
  var log = document.getElementById('jshell-log');
  var status = document.getElementById('jshell-status');
  var csrf = form.querySelector('input[name=csrf]').value;

  function pre(cls, text) {
    var p = document.createElement('pre');
    p.className = cls;
    p.textContent = text;
    return p;
  }

  function append(src, reply) {
    var hint = log.querySelector('.hint');
    if (hint) hint.remove();
    var run = document.createElement('div');
    run.className = 'jshell-run outcome-' + reply.outcome.toLowerCase();
    var input = pre('jshell-in', src);
    var prompt = document.createElement('span');
    prompt.className = 'prompt';
    prompt.textContent = 'jshell> ';
    input.insertBefore(prompt, input.firstChild);
    run.appendChild(input);
    run.appendChild(pre('jshell-out', reply.text));
    if (reply.outcome !== 'OK') {
      var o = document.createElement('p');
      o.className = 'jshell-outcome';
      o.textContent = 'Outcome: ' + reply.outcome.toLowerCase();
      run.appendChild(o);
    }
    log.appendChild(run);
    log.scrollTop = log.scrollHeight;
  }

  function submit(ev) {
    ev.preventDefault();
    var src = source.value;
    if (!src.trim()) return;
    status.textContent = 'Running…';
    var body = new URLSearchParams();
    body.set('source', src);
    fetch('/playground/run', {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      credentials: 'same-origin'
    }).then(function (r) {
      return r.json().then(function (j) { return { ok: r.ok, body: j }; });
    }).then(function (res) {
      if (res.ok) {
        append(src, res.body);
        source.value = '';
        status.textContent = res.body.outcome === 'OK' ? 'Done.' : 'Done: ' + res.body.outcome.toLowerCase() + '.';
      } else {
        status.textContent = res.body.message || res.body.error || 'The snippet could not be run.';
      }
    }).catch(function () {
      status.textContent = 'The lab did not answer; try again.';
    });
  }

  form.addEventListener('submit', submit);
  source.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) submit(ev);
  });
})();
