/*
 * <lr-basins>: the basins map of BasinsDialog, a plain custom element drawing on a canvas (40 000
 * cells are one ImageData, far quicker than 40 000 heatmap items). The server sends the cells once
 * (show); nothing here runs an optimizer. Each cell takes its minimum's colour, darker the more
 * steps its run took; cells of no minimum are Lumo's contrast grey. Hovering a cell shows its
 * start and outcome; a click fires "cell-picked" {cell}, the cell's index (row by row from the
 * lower left, x fastest). Without a mouse: the arrow keys move a marked cell (with Shift, ten
 * cells) and Enter or Space picks it; a tap marks a cell and shows its outcome, and a second tap on
 * it picks it, so that a finger sees where a start leads before it adds the run.
 */
(() => {
  if (customElements.get('lr-basins')) {
    return;
  }

  /** Four significant digits, as lr-charts.js and Numbers.readable write numbers. */
  const fmt = (v) => {
    if (v === undefined || v === null || !Number.isFinite(v)) return '–';
    if (v === 0) return '0';
    // The digits of the rounded decimal, not a double made of them: 4.941e-324 has no double of its own.
    const [digits, power] = v.toExponential(3).split('e');
    const exponent = Number(power);
    const mantissa = digits.replace(/\.?0+$/, '');
    return exponent < -3 || exponent >= 5 ? `${mantissa}e${exponent}` : Number(`${mantissa}e${exponent}`).toString();
  };

  /** A CSS colour (hex, hsla, …) as [r, g, b] laid over {@code under}, by letting a 1 × 1 canvas paint it. */
  const rgb = (color, under) => {
    const c = document.createElement('canvas');
    c.width = c.height = 1;
    const g = c.getContext('2d', {willReadFrequently: true});
    g.fillStyle = under;
    g.fillRect(0, 0, 1, 1);
    g.fillStyle = color;
    g.fillRect(0, 0, 1, 1);
    return Array.from(g.getImageData(0, 0, 1, 1).data.slice(0, 3));
  };

  class LrBasins extends HTMLElement {
    connectedCallback() {
      if (!this._canvas) {
        this._canvas = document.createElement('canvas');
        this._tip = document.createElement('div');
        this._tip.className = 'lr-basins-tip';
        this._tip.hidden = true;
        this._tip.setAttribute('role', 'status');
        this.append(this._canvas, this._tip);
        this.tabIndex = 0;
        this._marked = -1;
        this._canvas.addEventListener('pointermove', (e) => {
          if (e.pointerType === 'mouse') this._hover(e);
        });
        this._canvas.addEventListener('mouseleave', () => (this._tip.hidden = this._marked < 0));
        this._canvas.addEventListener('pointerdown', (e) => (this._touch = e.pointerType !== 'mouse'));
        // Focusing the map would scroll the dialog to show all of it, moving the cell away from under
        // the pointer between the press and the click: focus it without scrolling.
        this._canvas.addEventListener('mousedown', (e) => {
          e.preventDefault();
          this.focus({preventScroll: true});
        });
        this._canvas.addEventListener('click', (e) => {
          const cell = this._cellAt(e);
          if (cell < 0) return;
          if (this._touch && cell !== this._marked) this._mark(cell);
          else this._pick(cell);
        });
        this.addEventListener('keydown', (e) => this._key(e));
        this.addEventListener('blur', () => this._mark(-1));
      }
      // Lumo's colours change with the theme attribute on <html>; the size with the dialog.
      this._themeWatch = new MutationObserver(() => this._draw());
      this._themeWatch.observe(document.documentElement, {attributes: true, attributeFilter: ['theme']});
      this._resizeWatch = new ResizeObserver(() => this._draw());
      this._resizeWatch.observe(this);
    }

    disconnectedCallback() {
      this._themeWatch?.disconnect();
      this._resizeWatch?.disconnect();
    }

    /**
     * @param data {grid, box: [xMin, xMax, yMin, yMax], minima: [[x, y]], colors: one per minimum,
     *             outcomes: texts, and per cell: minimum (index or −1), outcome (index into outcomes), steps, loss}
     */
    show(data) {
      this._data = data;
      this.style.aspectRatio = `${data.box[1] - data.box[0]} / ${data.box[3] - data.box[2]}`;
      this._draw();
    }

    /** Whether the cells have been drawn (for tests). */
    drawn() {
      return this._drawn === this._data && this._data != null;
    }

    /**
     * A theme colour as the browser computes it here. The custom property's own text can be a
     * function a canvas cannot paint (light-dark(), color-mix() of variables): the canvas would
     * keep its black, so a probe element resolves it first.
     */
    _resolve(property) {
      const probe = document.createElement('span');
      probe.hidden = true;
      probe.style.color = `var(${property})`;
      this.appendChild(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    }

    _draw() {
      const d = this._data;
      const width = this.clientWidth, height = this.clientHeight;
      if (!d || !width || !height) return;
      const base = this._resolve('--lumo-base-color') || '#fff';
      const grey = rgb(this._resolve('--lumo-contrast-30pct') || '#ccc', base);
      const colors = d.colors.map((c) => rgb(c, base));
      // Steps span decades (a start beside a minimum converges in a few, one on a ridge in hundreds):
      // a log scale from the fewest to the most keeps both ends apart.
      const fewest = Math.log1p(Math.min(...d.steps)), span = Math.log1p(Math.max(...d.steps)) - fewest || 1;
      const n = d.grid;
      const image = new ImageData(n, n);
      for (let c = 0; c < n * n; c++) {
        const color = d.minimum[c] >= 0 ? colors[d.minimum[c]] : grey;
        const shade = 1 - 0.45 * (Math.log1p(d.steps[c]) - fewest) / span;
        // Canvas rows run top down, the box's y up.
        const p = 4 * ((n - 1 - Math.floor(c / n)) * n + (c % n));
        image.data[p] = color[0] * shade;
        image.data[p + 1] = color[1] * shade;
        image.data[p + 2] = color[2] * shade;
        image.data[p + 3] = 255;
      }
      const cells = document.createElement('canvas');
      cells.width = cells.height = n;
      cells.getContext('2d').putImageData(image, 0, 0);

      const ratio = window.devicePixelRatio || 1;
      const canvas = this._canvas;
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const g = canvas.getContext('2d');
      g.imageSmoothingEnabled = false;
      g.drawImage(cells, 0, 0, canvas.width, canvas.height);
      const [xMin, xMax, yMin, yMax] = d.box;
      const ink = this._resolve('--lumo-body-text-color') || '#000';
      d.minima.forEach(([x, y], k) => {
        const px = (x - xMin) / (xMax - xMin) * canvas.width, py = (yMax - y) / (yMax - yMin) * canvas.height;
        g.beginPath();
        g.arc(px, py, 6 * ratio, 0, 2 * Math.PI);
        g.fillStyle = d.colors[k];
        g.fill();
        g.lineWidth = 2 * ratio;
        g.strokeStyle = base;
        g.stroke();
        g.beginPath();
        g.arc(px, py, 8 * ratio, 0, 2 * Math.PI);
        g.lineWidth = 1.5 * ratio;
        g.strokeStyle = ink;
        g.stroke();
      });
      if (this._marked >= 0) {
        const w = canvas.width / n, h = canvas.height / n;
        const x = (this._marked % n) * w, y = (n - 1 - Math.floor(this._marked / n)) * h;
        // At least 8 pixels across, so that one cell of 200 × 200 still shows.
        const pad = Math.max(0, (8 * ratio - w) / 2);
        g.lineWidth = 2 * ratio;
        g.strokeStyle = ink;
        g.strokeRect(x - pad, y - pad, w + 2 * pad, h + 2 * pad);
      }
      this._drawn = d;
    }

    /** The marked cell, −1 for none (for tests). */
    get marked() {
      return this._marked;
    }

    /** The index of the cell under the pointer, or −1. */
    _cellAt(e) {
      const d = this._data;
      if (!d) return -1;
      const r = this._canvas.getBoundingClientRect();
      const i = Math.floor((e.clientX - r.left) / r.width * d.grid);
      const j = d.grid - 1 - Math.floor((e.clientY - r.top) / r.height * d.grid);
      return i >= 0 && i < d.grid && j >= 0 && j < d.grid ? j * d.grid + i : -1;
    }

    _hover(e) {
      const c = this._cellAt(e);
      if (c < 0) {
        this._tip.hidden = true;
        return;
      }
      const r = this.getBoundingClientRect();
      this._tell(c, e.clientX - r.left, e.clientY - r.top);
    }

    _pick(cell) {
      this.dispatchEvent(new CustomEvent('cell-picked', {detail: {cell}}));
    }

    /** Marks a cell (−1: none), outlined on the map, with its outcome beside it. */
    _mark(cell) {
      this._marked = cell;
      this._draw();
      if (cell < 0) {
        this._tip.hidden = true;
        return;
      }
      const n = this._data.grid, w = this.clientWidth / n, h = this.clientHeight / n;
      this._tell(cell, (cell % n + 0.5) * w, (n - Math.floor(cell / n) - 0.5) * h);
    }

    _key(e) {
      const d = this._data;
      if (!d) return;
      const n = d.grid, by = e.shiftKey ? 10 : 1;
      // The first key marks the centre cell; the arrows then walk the map, stopping at its edges.
      let i = this._marked < 0 ? n >> 1 : this._marked % n, j = this._marked < 0 ? n >> 1 : Math.floor(this._marked / n);
      const moves = {ArrowLeft: [-by, 0], ArrowRight: [by, 0], ArrowUp: [0, by], ArrowDown: [0, -by]};
      if (moves[e.key]) {
        if (this._marked >= 0) {
          i = Math.max(0, Math.min(n - 1, i + moves[e.key][0]));
          j = Math.max(0, Math.min(n - 1, j + moves[e.key][1]));
        }
        this._mark(j * n + i);
      } else if ((e.key === 'Enter' || e.key === ' ') && this._marked >= 0) {
        this._pick(this._marked);
      } else {
        return;
      }
      e.preventDefault();
    }

    /** Shows cell c's start and outcome beside (left, top), in pixels from the map's corner. */
    _tell(c, left, top) {
      const d = this._data, n = d.grid;
      const [xMin, xMax, yMin, yMax] = d.box;
      const x0 = xMin + (xMax - xMin) * ((c % n) + 0.5) / n, y0 = yMin + (yMax - yMin) * (Math.floor(c / n) + 0.5) / n;
      this._tip.textContent = `start (${fmt(x0)}, ${fmt(y0)}): ${d.outcomes[d.outcome[c]]} at step ${d.steps[c]}, `
          + `final loss ${fmt(d.loss[c])}`;
      this._tip.hidden = false;
      const r = this.getBoundingClientRect();
      // Beside the cell, flipped to its left on the right half so that it stays inside the map.
      // Right of and below the cell, or left of and above it where it would leave the map: a tip
      // reaching past the map's edge would grow the dialog's content and move the map under the pointer.
      this._tip.style.left = this._tip.style.top = '0px'; // measured where it can take its full width
      const width = this._tip.offsetWidth, height = this._tip.offsetHeight;
      this._tip.style.left = `${Math.max(0, left + 14 + width <= r.width ? left + 14 : left - 14 - width)}px`;
      this._tip.style.top = `${Math.max(0, top + 14 + height <= r.height ? top + 14 : top - 14 - height)}px`;
    }
  }

  customElements.define('lr-basins', LrBasins);
})();
