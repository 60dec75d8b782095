/*
 * The playground's keys: space runs or pauses, → steps forward (past the last step computed, one
 * more), ← steps back, Ctrl+Z undoes and Ctrl+Shift+Z (or Ctrl+Y)
 * redoes, unless the user is typing or on a control that has keys of its own (the plot's arrow keys
 * move the start; the basins map and the 3-D view use them too). Each key reaches the view as an "lr-key" event whose detail names it.
 */
window.lrPlaygroundKeys = (view) => {
  const handler = (e) => {
    if (!view.isConnected) {
      document.removeEventListener('keydown', handler);
      return;
    }
    // A widget that used the key (the basins map, the 3-D view) has said so.
    if (e.defaultPrevented) return;
    const t = e.composedPath()[0];
    const mod = e.ctrlKey || e.metaKey;
    const letter = e.key.toLowerCase();
    const arrow = e.key === 'ArrowRight' || e.key === 'ArrowLeft';
    const key = mod && letter === 'z' ? (e.shiftKey ? 'redo' : 'undo')
        : mod && letter === 'y' ? 'redo'
        : !mod && !e.altKey && (e.key === ' ' || arrow) ? e.key : null;
    // The timeline's step buttons keep the arrows working after a click on them; space clicks them.
    const onStepButton = arrow && t?.tagName === 'VAADIN-BUTTON' && t.closest('.timeline');
    if (!onStepButton && t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|LR-SURFACE-PLOT)$/.test(t.tagName)
        || t.tagName.startsWith('VAADIN-'))) return;
    if (key) {
      e.preventDefault();
      view.dispatchEvent(new CustomEvent('lr-key', {detail: key}));
    }
  };
  document.addEventListener('keydown', handler);
};
