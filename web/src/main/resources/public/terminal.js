// The lab terminal: plain JS, no framework. Output is inserted as text, never as HTML.
// Forms that throw work away (reset, rewind) ask first.
document.querySelectorAll('form[data-confirm]').forEach(f => f.addEventListener('submit', e => {
  if (!window.confirm(f.dataset.confirm)) e.preventDefault();
}));
(function () {
  const root = document.querySelector('[data-terminal]');
  if (!root) return;
  const screen = root.querySelector('.terminal');
  const input = root.querySelector('input');
  const promptEl = root.querySelector('.prompt');
  const status = root.querySelector('.statusline');
  const csrf = root.dataset.csrf;
  const sandbox = root.dataset.sandbox || 'nebula-inc';
  const history = Array.from(root.querySelectorAll('[data-line]')).map(e => e.dataset.line);
  let hpos = history.length;
  let pending = '';
  let queue = Promise.resolve();
  let count = history.length;
  let generation = (status.textContent.match(/sandbox #(\d+)/) || [, '?'])[1];

  function print(text, cls) {
    const span = document.createElement('span');
    if (cls) span.className = cls;
    span.textContent = text;
    screen.appendChild(span);
    screen.scrollTop = screen.scrollHeight;
  }

  async function post(url, data) {
    const r = await fetch(url, {
      method: 'POST',
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf },
      body: new URLSearchParams(Object.assign({ sandbox: sandbox }, data))
    });
    return r.json();
  }

  async function run(line) {
    const full = pending ? pending + '\n' + line : line;
    print(promptEl.textContent + line + '\n', 'cmdline');
    let r;
    try {
      r = await post('/lab/run', { line: full });
    } catch (e) {
      print('(the lab did not answer: ' + e + ')\n', 'error');
      return;
    }
    if (r.error) { print(r.error + '\n', 'error'); return; }
    if (r.incomplete) { pending = full; promptEl.textContent = '> '; return; }
    pending = '';
    if (r.output) print(r.output);
    promptEl.textContent = r.prompt;
    if (r.seq > 0) {
      count = r.seq;
      history.push(full);
    }
    hpos = history.length;
    status.textContent = 'sandbox #' + generation + ' · ' + count + ' commands · exit status ' + r.status + ' · ' + r.simTime;
    document.dispatchEvent(new CustomEvent('lab:ran', { detail: r }));
  }

  function enqueue(line) {
    queue = queue.then(() => run(line));
    return queue;
  }

  function commonPrefix(words) {
    return words.reduce((a, b) => { let i = 0; while (i < a.length && a[i] === b[i]) i++; return a.slice(0, i); });
  }

  async function complete() {
    const line = input.value;
    const r = await post('/lab/complete', { line: line });
    const c = r.candidates || [];
    if (c.length === 0) return;
    const start = line.search(/\S*$/);
    if (c.length === 1) {
      input.value = line.slice(0, start) + c[0] + (c[0].endsWith('/') ? '' : ' ');
    } else {
      print(promptEl.textContent + line + '\n', 'cmdline');
      print(c.join('  ') + '\n', 'candidates');
      input.value = line.slice(0, start) + commonPrefix(c);
    }
  }

  root.querySelector('form.terminal-input').addEventListener('submit', ev => ev.preventDefault());
  input.addEventListener('keydown', ev => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      const line = input.value;
      input.value = '';
      enqueue(line);
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (hpos > 0) { hpos--; input.value = history[hpos]; }
    } else if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      if (hpos < history.length) { hpos++; input.value = hpos === history.length ? '' : history[hpos]; }
    } else if (ev.key === 'Tab') {
      ev.preventDefault();
      complete();
    }
  });

  // "Run in my terminal" buttons beside lessons: each non-blank line runs in turn.
  window.labRun = function (text) {
    text.split('\n').map(l => l.trimEnd()).filter(l => l.trim() !== '' && !l.trim().startsWith('#')).forEach(enqueue);
    input.focus();
  };
  document.querySelectorAll('button.run[data-cmd]').forEach(b => b.addEventListener('click', () => window.labRun(b.dataset.cmd)));
})();
