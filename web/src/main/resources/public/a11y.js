// Keyboard access to anything that scrolls sideways (long code lines, wide tables): such a box becomes a
// tab stop, so arrow keys can scroll it, and only while it actually overflows.
(function () {
  function update() {
    document.querySelectorAll('main pre, main .scroll-x').forEach(el => {
      const overflows = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      if (overflows && !el.hasAttribute('tabindex')) {
        el.tabIndex = 0;
        el.dataset.scrollStop = '';
      } else if (!overflows && el.dataset.scrollStop !== undefined) {
        el.removeAttribute('tabindex');
        delete el.dataset.scrollStop;
      }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', update); else update();
  window.addEventListener('resize', update);
})();
