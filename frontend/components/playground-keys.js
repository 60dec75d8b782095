/*
 * The playground's keys: space runs or pauses, → steps forward (past the last step computed, one
 * more), ← steps back, Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y)
 * redoes, unless the user is typing or on a control that has keys of its own (the plot's arrow keys
 * move the start). Each key reaches the view as an "lr-key" event whose detail names it.
 */
window.lrPlaygroundKeys = (view) => {
  const handler = (e) => {
    if (!view.isConnected) {
      document.removeEventListener('keydown', handler);
      return;
    }
    const t = e.composedPath()[0];
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|LR-SURFACE-PLOT)$/.test(t.tagName)
        || t.tagName.startsWith('VAADIN-'))) return;
    const mod = e.ctrlKey || e.metaKey;
    const letter = e.key.toLowerCase();
    const key = mod && letter === 'z' ? (e.shiftKey ? 'redo' : 'undo')
        : mod && letter === 'y' ? 'redo'
        : !mod && !e.altKey && (e.key === ' ' || e.key === 'ArrowRight' || e.key === 'ArrowLeft') ? e.key : null;
    if (key) {
      e.preventDefault();
      view.dispatchEvent(new CustomEvent('lr-key', {detail: key}));
    }
  };
  document.addEventListener('keydown', handler);
};
