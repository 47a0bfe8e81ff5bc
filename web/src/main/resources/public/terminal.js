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
  // ↑/↓ recall typed commands only: requests from the student's own client (data-request) stay listed but are not recalled
  const history = Array.from(root.querySelectorAll('[data-line]:not([data-request])')).map(e => e.dataset.line);
  let hpos = history.length;
  let pending = '';
  let queue = Promise.resolve();
  let count = root.querySelectorAll('[data-line]').length;
  let generation = (status.textContent.match(/sandbox #(\d+)/) || [, '?'])[1];

  function print(text, cls) {
    const span = document.createElement('span');
    if (cls) span.className = cls;
    span.textContent = text;
    screen.appendChild(span);
    screen.scrollTop = screen.scrollHeight;
  }

  // Output as the tools print it; an ASCII table (+----+ borders) is also drawn as a real, visually hidden
  // <table> so a screen reader announces rows and columns, while its drawing is hidden from the reader.
  const BORDER = /^\+[-=+]+\+$/;
  const ROW = /^\|.*\|$/;
  function cellsOf(l) { return l.slice(1, -1).split('|').map(c => c.trim()); }
  function tableOf(lines) {
    const table = document.createElement('table');
    table.className = 'sr-only';
    let part = null;
    let borders = 0;
    lines.forEach(l => {
      if (BORDER.test(l)) { borders++; return; }
      const head = borders === 1 && lines.filter(x => BORDER.test(x)).length > 2;
      if (!part || (part.tagName === 'THEAD') !== head) { part = document.createElement(head ? 'thead' : 'tbody'); table.appendChild(part); }
      const tr = document.createElement('tr');
      cellsOf(l).forEach(c => {
        const cell = document.createElement(head ? 'th' : 'td');
        if (head) cell.scope = 'col';
        cell.textContent = c;
        tr.appendChild(cell);
      });
      part.appendChild(tr);
    });
    return table;
  }
  function printOutput(text) {
    const out = document.createElement('span');
    out.className = 'output';
    const lines = text.split('\n');
    let plain = [];
    function flush() {
      if (plain.length === 0) return;
      const s = document.createElement('span');
      s.textContent = plain.join('\n') + '\n';
      out.appendChild(s);
      plain = [];
    }
    for (let i = 0; i < lines.length; i++) {
      if (BORDER.test(lines[i])) {
        let j = i + 1;
        while (j < lines.length && (ROW.test(lines[j]) || BORDER.test(lines[j]))) j++;
        const block = lines.slice(i, j);
        if (block.length >= 3 && BORDER.test(block[block.length - 1])) {
          flush();
          const drawn = document.createElement('span');
          drawn.setAttribute('aria-hidden', 'true');
          drawn.textContent = block.join('\n') + '\n';
          out.appendChild(drawn);
          out.appendChild(tableOf(block));
          i = j - 1;
          continue;
        }
      }
      if (i === lines.length - 1 && lines[i] === '') continue;
      plain.push(lines[i]);
    }
    flush();
    screen.appendChild(out);
    screen.scrollTop = screen.scrollHeight;
  }
  let answers = 0;
  root.dataset.answers = '0';
  screen.tabIndex = 0; // the output scrolls: keyboard users reach it to scroll it
  function answered() { answers++; root.dataset.answers = String(answers); }

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
      answered();
      return;
    }
    if (r.error) { print(r.error + '\n', 'error'); answered(); return; }
    if (r.incomplete) { pending = full; promptEl.textContent = '> '; answered(); return; }
    pending = '';
    if (r.output) printOutput(r.output);
    promptEl.textContent = r.prompt;
    if (r.seq > 0) {
      count = Math.max(count, r.seq);
      ownSeqs.add(r.seq);
      history.push(full);
    }
    hpos = history.length;
    status.textContent = 'sandbox #' + generation + ' · ' + count + ' commands · exit status ' + r.status + ' · ' + r.simTime;
    answered();
    document.dispatchEvent(new CustomEvent('lab:ran', { detail: r }));
  }

  // Entries the store has that this page has not shown yet (requests of the student's own openstack or aws client,
  // or commands typed in another window): fetched after each command and every 5 s while the page is visible,
  // in the same queue as the commands so a line is never shown twice.
  let lastSeen = count;
  const ownSeqs = new Set();
  let staleNoted = false;
  async function sync() {
    try {
      const r = await fetch('/lab/history?sandbox=' + encodeURIComponent(sandbox) + '&after=' + lastSeen, { headers: { 'Accept': 'application/json' } });
      if (!r.ok) return;
      const h = await r.json();
      if (String(h.generation) !== String(generation)) {
        if (!staleNoted) print('(this sandbox was reset or rewound in another window: reload the page to see its history)\n', 'hint');
        staleNoted = true;
        return;
      }
      let requests = 0;
      for (const e of h.entries) {
        if (e.seq <= lastSeen) continue;
        lastSeen = e.seq;
        count = Math.max(count, e.seq);
        if (ownSeqs.has(e.seq)) continue;
        const span = document.createElement('span');
        span.className = e.request ? 'cmdline request' : 'cmdline';
        span.dataset.line = e.line;
        if (e.request) {
          span.dataset.request = '';
          span.title = 'A request from your own openstack or aws client (not recalled by ↑/↓)';
          requests++;
        } else {
          // a command typed in another window joins ↑/↓, without moving a recall in progress
          const atEnd = hpos === history.length;
          history.push(e.line);
          if (atEnd) hpos = history.length;
        }
        span.textContent = (e.request ? '⇄ ' : '$ ') + e.line + '\n';
        screen.appendChild(span);
        screen.scrollTop = screen.scrollHeight;
      }
      status.textContent = status.textContent.replace(/· \d+ commands/, '· ' + count + ' commands');
      root.dataset.synced = String(lastSeen);
      // the live views redraw as after a typed command
      if (requests > 0) document.dispatchEvent(new CustomEvent('lab:ran', { detail: { requests: requests } }));
    } catch (e) {
      // the next poll tries again
    }
  }

  function enqueue(line) {
    queue = queue.then(() => run(line)).then(sync);
    return queue;
  }

  setInterval(() => {
    if (document.visibilityState === 'visible') queue = queue.then(sync);
  }, 5000);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') queue = queue.then(sync);
  });

  function commonPrefix(words) {
    return words.reduce((a, b) => { let i = 0; while (i < a.length && a[i] === b[i]) i++; return a.slice(0, i); });
  }

  async function complete() {
    const line = input.value;
    const r = await post('/lab/complete', { line: line });
    const c = r.candidates || [];
    if (c.length === 0) return;
    // the word the candidates replace ends the line after the last blank or ; | & ( < > = (as the shell's completion splits it)
    const start = line.search(/[^\s;|&(<>=]*$/);
    if (c.length === 1) {
      input.value = line.slice(0, start) + c[0] + (c[0].endsWith('/') || c[0].endsWith('=') ? '' : ' ');
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
    } else if (ev.key === 'Tab' && !ev.shiftKey && input.value.trim() !== '') {
      // on an empty line (and with Shift) Tab moves the focus on, so the keyboard is never trapped here
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
