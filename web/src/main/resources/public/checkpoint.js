// Checkpoints, progressively enhanced: every form also works as a plain POST without this file.
// - quiz items: answered in place (the server sends the item's HTML back, rendered and escaped by jte);
// - reflections: saved a moment after typing stops;
// - the checklist: saved on every tick.
(function () {
  function csrfOf(form) {
    const f = form.querySelector('input[name="csrf"]');
    return f ? f.value : '';
  }

  function post(form, extraHeaders) {
    return fetch(form.action, {
      method: 'POST',
      headers: Object.assign({ 'X-CSRF-Token': csrfOf(form) }, extraHeaders),
      body: new URLSearchParams(new FormData(form))
    });
  }

  async function errorText(r) {
    try { return (await r.json()).error || ('Error ' + r.status); } catch (e) { return 'Error ' + r.status; }
  }

  function bindQuiz(form) {
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const feedback = form.querySelector('.feedback');
      try {
        // errors come back as {"error": sentence}; the answered item comes back as HTML
        const r = await post(form, { 'X-Fragment': 'item', 'Accept': 'application/json' });
        if (!r.ok) {
          const p = document.createElement('p');
          p.className = 'verdict wrong';
          p.textContent = await errorText(r);
          feedback.replaceChildren(p);
          return;
        }
        const html = await r.text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const fresh = doc.querySelector('form[data-quiz]');
        if (!fresh) { form.submit(); return; }
        const adopted = document.importNode(fresh, true);
        form.replaceWith(adopted);
        bindQuiz(adopted);
        const section = adopted.closest('.checkpoint');
        const score = section && section.querySelector('.score');
        if (score) {
          const all = section.querySelectorAll('form[data-quiz]').length;
          const right = section.querySelectorAll('form[data-quiz] .verdict.right').length;
          score.textContent = '(' + right + ' of ' + all + ' right)';
        }
        const verdict = adopted.querySelector('.verdict');
        if (verdict) { verdict.tabIndex = -1; verdict.focus(); }
      } catch (err) {
        form.submit();
      }
    });
  }

  function bindReflection(form) {
    const area = form.querySelector('textarea');
    const status = form.querySelector('.saved');
    let timer = null;
    let last = area.value;
    async function save() {
      timer = null;
      if (area.value === last) return;
      const sent = area.value;
      status.textContent = 'Saving…';
      try {
        const r = await post(form, { 'Accept': 'application/json' });
        if (r.ok) {
          last = sent;
          status.textContent = 'Saved ' + (await r.json()).saved;
        } else {
          status.textContent = 'Not saved: ' + await errorText(r);
        }
      } catch (err) {
        status.textContent = 'Not saved (no connection); press Save to try again.';
      }
    }
    area.addEventListener('input', () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(save, 1200);
    });
    area.addEventListener('blur', () => { if (timer) { clearTimeout(timer); save(); } });
    form.addEventListener('submit', e => {
      e.preventDefault();
      if (timer) clearTimeout(timer);
      last = null;
      save();
    });
    // leaving the page while a save is pending: send it anyway (the csrf travels in the form body)
    window.addEventListener('pagehide', () => {
      if (timer && area.value !== last) {
        clearTimeout(timer);
        timer = null;
        navigator.sendBeacon(form.action, new URLSearchParams(new FormData(form)));
      }
    });
  }

  function bindChecklist(form) {
    const status = form.querySelector('.saved');
    form.addEventListener('change', async () => {
      status.textContent = 'Saving…';
      try {
        const r = await post(form, { 'Accept': 'application/json' });
        if (r.ok) {
          const j = await r.json();
          status.textContent = 'Saved: ' + j.ticked + ' of ' + j.of + ' ticked.';
        } else {
          status.textContent = 'Not saved: ' + await errorText(r);
        }
      } catch (err) {
        status.textContent = 'Not saved (no connection); press Save checklist to try again.';
      }
    });
  }

  document.querySelectorAll('form[data-quiz]').forEach(bindQuiz);
  document.querySelectorAll('form[data-autosave]').forEach(bindReflection);
  document.querySelectorAll('form[data-checklist]').forEach(bindChecklist);
})();
