/*
 * The playground's chart elements, plain custom elements on Apache ECharts (loaded before this
 * file as a global). The server sends data once or in appended batches; nothing here computes
 * optimizer steps. Every value that reaches a chart has already been checked to be finite, but
 * log axes still drop values ≤ 0, which a log scale cannot show.
 *
 *   <lr-surface-plot>  heatmap of log(f − f* + ε), contours, minima, start marker and live paths;
 *                      fires "start-picked" {x, y} on a click, a long press on a touch screen, or
 *                      the arrow keys and Enter, while interactive.
 *   <lr-line-chart>    series appended live, optional log x and y axes, labelled vertical markers,
 *                      tooltip, and its own legend where no race legend stands above it.
 *   Both have a button in the corner that saves the chart as PNG (savePng), take one typed message
 *   per race frame (appendPaths, appendColumns), hide runs (setHidden) and highlight one
 *   (highlight). Hovering anything with data-run inside a [data-race-scope] highlights that run in
 *   every chart of the scope.
 */
(() => {
  if (customElements.get('lr-line-chart')) {
    return;
  }

  /** True when Lumo's dark theme is on (the view toggles theme="dark" on <html>). */
  const isDark = () => document.documentElement.getAttribute('theme')?.includes('dark') ?? false;

  /** Four significant digits, an exponent below 1e-3 and from 1e5: the rule of Numbers.readable on the server. */
  const fmt = (v) => {
    if (v === undefined || v === null || !Number.isFinite(v)) return '–';
    if (v === 0) return '0';
    // The digits of the rounded decimal, not a double made of them: 4.941e-324 has no double of its own.
    const [digits, power] = v.toExponential(3).split('e');
    const exponent = Number(power);
    const mantissa = digits.replace(/\.?0+$/, '');
    return exponent < -3 || exponent >= 5 ? `${mantissa}e${exponent}` : Number(`${mantissa}e${exponent}`).toString();
  };

  /**
   * An element holding children: strings become text, never markup. Tooltips are built with it,
   * because run names carry what users typed (a board names each path after its student's nickname).
   */
  const el = (tag, ...children) => {
    const e = document.createElement(tag);
    e.append(...children);
    return e;
  };

  /** A tooltip's lines, each a list of strings and nodes. */
  const lines = (...rows) => el('div', ...rows.map((row) => el('div', ...row)));

  /** A series' colour as ECharts' tooltips mark it: a dot. */
  const swatch = (color) => {
    const dot = el('span');
    Object.assign(dot.style, {display: 'inline-block', width: '10px', height: '10px', borderRadius: '50%',
      marginRight: '5px', background: color});
    return dot;
  };

  /** The steps of a thinned column: first, first + stride, …, and the last one at last. */
  const stepOf = (b, i, n) => (i === n - 1 ? b.last : b.first + i * b.stride);

  /** Value i of a column, which comes as one value when all its values are the same. */
  const at = (column, i) => (Array.isArray(column) ? column[i] : column);

  /** Opacity of a series: dimmed while another run is highlighted. */
  const dim = (chart, run) => (chart._highlight == null || chart._highlight === run ? 1 : 0.15);

  /** The page's background, so that a saved image looks as on screen in either theme. */
  const background = () => [document.body, document.documentElement]
      .map((e) => getComputedStyle(e).backgroundColor)
      .find((c) => c && c !== 'transparent' && c !== 'rgba(0, 0, 0, 0)') ?? (isDark() ? '#233348' : '#fff');

  /** A file name from a chart's title: "f − f*" → "f-minus-f-star". */
  const slug = (text) => text.replace(/−/g, ' minus ').replace(/\*/g, ' star ').replace(/η/g, ' eta ')
      .normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

  /** The download arrow, as elements (inline, so that it takes the button's colour in either theme). */
  const downloadIcon = () => {
    const svg = (tag, attributes) => {
      const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
      Object.entries(attributes).forEach(([name, value]) => e.setAttribute(name, value));
      return e;
    };
    const icon = svg('svg', {viewBox: '0 0 16 16', width: '14', height: '14', 'aria-hidden': 'true'});
    icon.append(svg('path', {fill: 'currentColor', d: 'M7 1h2v7.6l2.3-2.3 1.4 1.4L8 12.4 3.3 7.7l1.4-1.4L7 8.6zM2 13h12v2H2z'}));
    return icon;
  };

  /** What both charts share: the ECharts instance, resizing, following the Lumo theme, saving as PNG. */
  class LrChart extends HTMLElement {
    connectedCallback() {
      if (!this.style.display) this.style.display = 'block';
      if (!this._box) {
        this._box = document.createElement('div');
        this._box.style.cssText = 'width:100%;height:100%;';
        // The picture is the box; the save button beside it stays a control of its own.
        if (this.getAttribute('role') === 'img') {
          this._box.setAttribute('role', 'img');
          this._box.setAttribute('aria-label', this.getAttribute('aria-label') ?? '');
          this.removeAttribute('role');
        }
        this.appendChild(this._box);
        const save = document.createElement('button');
        save.type = 'button';
        save.className = 'lr-save-png';
        save.title = 'Download this chart as PNG';
        save.setAttribute('aria-label', 'Download this chart as PNG');
        save.append(downloadIcon());
        save.addEventListener('click', () => this.savePng());
        this.appendChild(save);
      }
      const start = () => {
        if (!window.echarts) {
          requestAnimationFrame(start);
          return;
        }
        this._init();
      };
      start();
      this._themeWatch = new MutationObserver(() => {
        if (this._chart && this._dark !== isDark()) {
          this._chart.dispose();
          this._chart = null;
          this._init();
        }
      });
      this._themeWatch.observe(document.documentElement, {attributes: true, attributeFilter: ['theme']});
      this._resizeWatch = new ResizeObserver(() => this._chart && (this._chart.resize(), this._resized()));
      this._resizeWatch.observe(this);
    }

    disconnectedCallback() {
      this._themeWatch?.disconnect();
      this._resizeWatch?.disconnect();
      this._chart?.dispose();
      this._chart = null;
    }

    _init() {
      if (this._chart || !this.isConnected) return;
      this._dark = isDark();
      this._chart = echarts.init(this._box, this._dark ? 'dark' : null, {renderer: 'canvas'});
      this._bind(this._chart);
      this._render();
    }

    /** Colours of text and lines for the current theme. */
    _ink() {
      return this._dark
          ? {text: '#c9d1dc', faint: 'rgba(201,209,220,0.35)', line: 'rgba(201,209,220,0.5)'}
          : {text: '#2a3441', faint: 'rgba(42,52,65,0.25)', line: 'rgba(42,52,65,0.45)'};
    }

    _base() {
      const ink = this._ink();
      return {
        backgroundColor: 'transparent',
        animation: false,
        textStyle: {color: ink.text},
        tooltip: {confine: true},
      };
    }

    /** The chart as a PNG data URL at twice its size on screen, on the page's background; null before it is drawn. */
    pngDataUrl() {
      return this._chart ? this._chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: background()}) : null;
    }

    /** Downloads the chart as a PNG file, with the names and colours of its runs under it. */
    async savePng(fileName = 'lr-playground-' + this._fileName() + '.png') {
      const url = await this.pngWithLegend();
      if (!url) return;
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
    }

    /** The runs a saved image names under the chart: [{name, color, dashed}]. */
    _legendItems() {
      return [];
    }

    /** pngDataUrl with a legend strip under the chart; null before it is drawn. */
    async pngWithLegend() {
      const url = this.pngDataUrl();
      const items = this._legendItems();
      if (!url || items.length === 0) return url;
      const img = new Image();
      img.src = url;
      await img.decode();
      const scale = 2, row = 18 * scale, pad = 8 * scale;
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height + pad + row * items.length;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = background();
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0);
      ctx.font = `${12 * scale}px sans-serif`;
      ctx.textBaseline = 'middle';
      items.forEach((it, k) => {
        const y = img.height + pad + row * k + row / 2;
        ctx.strokeStyle = it.color;
        ctx.lineWidth = 2 * scale;
        ctx.setLineDash(it.dashed ? [4 * scale, 3 * scale] : []);
        ctx.beginPath();
        ctx.moveTo(pad, y);
        ctx.lineTo(pad + 24 * scale, y);
        ctx.stroke();
        ctx.fillStyle = this._ink().text;
        ctx.fillText(it.name, pad + 30 * scale, y);
      });
      return canvas.toDataURL('image/png');
    }

    /** Highlights one run's series, dimming the rest; null for none. */
    highlight(run) {
      if (this._highlight === run) return;
      this._highlight = run;
      this._drawAppended();
    }

    /** Hides the series of these runs: [run, …]. */
    setHidden(runs) {
      this._hidden = new Set(runs);
      this._drawAppended();
    }

    _shown(run) {
      return !(this._hidden?.has(run));
    }

    /**
     * Hands appended points to ECharts at most once per animation frame. Frames of a fast race
     * can come quicker than the page paints, and each hand-over reprocesses whole series: drawing
     * per frame made the page fall ever further behind.
     */
    _scheduleAppend() {
      if (this._appendPending) return;
      this._appendPending = true;
      requestAnimationFrame(() => {
        this._appendPending = false;
        this._drawAppended();
      });
    }

    /** Called after a resize; charts with pixel-placed graphics reposition them. */
    _resized() {
    }

    /** Called once per ECharts instance (a theme change makes a new one) to listen to it. */
    _bind(chart) {
    }
  }

  /** The loss surface with the runs' paths. */
  class LrSurfacePlot extends LrChart {
    constructor() {
      super();
      this._surface = null;
      this._runs = [];
      this._starts = [];
      this.interactive = true;
    }

    /**
     * The surface, computed once by the server: z[j * nx + i] = log10(f − f* + ε) at
     * x = xMin + i·(xMax − xMin)/(nx − 1), y = yMin + j·(yMax − yMin)/(ny − 1).
     */
    setSurface(surface) {
      this._surface = surface;
      this._contours = contours(surface);
      this._heat = null;
      this._render();
    }

    /** Replaces the runs (clearing their paths): [{run, name, color}]. */
    setRuns(runs) {
      const same = runs.length === this._runs.length;
      this._runs = runs.map((r) => ({...r, data: [], end: null}));
      // As many runs as before (a live edit): only the paths change; the contours, a few thousand
      // segments, are not handed to ECharts again.
      if (same) this._drawAppended(); else this._render();
    }

    /**
     * Appends to the paths, per run {run, first, stride, last, n, x, y, loss, end}: n values per
     * column at thinned steps (see stepOf, at); end is the run's status id once it has ended. Here
     * run counts the plot's own runs (a side-by-side plot has one).
     */
    appendPaths(batches) {
      for (const b of batches) {
        const run = this._runs[b.run];
        if (!run) continue;
        for (let i = 0; i < b.n; i++) {
          run.data.push([at(b.x, i), at(b.y, i), stepOf(b, i, b.n), at(b.loss, i)]);
        }
        run.end = b.end;
      }
      this._scheduleAppend();
    }

    /**
     * Whole paths for a board, whose runs change one at a time: the board has count runs now, and
     * each of paths, {slot, run, name, color, first, stride, last, n, x, y, loss, end}, takes the
     * place slot (run is what highlighting and hiding go by: a student's runs share one).
     */
    setPaths(count, paths) {
      const shrunk = count < this._runs.length;
      this._runs.length = count;
      for (const p of paths) {
        this._runs[p.slot] = {
          run: p.run, name: p.name, color: p.color, end: p.end,
          data: Array.from({length: p.n}, (_, i) => [at(p.x, i), at(p.y, i), stepOf(p, i, p.n), at(p.loss, i)]),
        };
      }
      if (shrunk) {
        this._render();
      } else {
        // Only the changed paths go to ECharts: a board's refresh costs what it carries, not the class's size.
        this._series(this._pathSeries(paths.map((p) => p.slot)));
      }
      this.view3d?.changed();
    }

    _legendItems() {
      return this._runs.filter((r) => this._shown(r.run)).map((r) => ({name: r.name, color: r.color}));
    }

    _drawAppended() {
      this._series([...this._pathSeries(), this._cursorSeries()]);
      this.view3d?.changed();
    }

    /**
     * Updates these series in place. Before the surface arrives the chart has no axes, and a series
     * ECharts has not seen would fail on them; the surface's render draws every series anyway.
     */
    _series(series) {
      if (this._chart && this._surface) this._chart.setOption({series});
    }

    /** Where the runs start: [{x, y, color}], the shared start first and with a null colour. */
    setStarts(starts) {
      this._starts = starts;
      this._series([this._startSeries()]);
      this.view3d?.changed();
    }

    /** In 3-D, the 3-D picture. */
    pngDataUrl() {
      return this.view3d && !this.view3d.hidden ? this.view3d.pngDataUrl(background()) : super.pngDataUrl();
    }

    /** "contour", "3d" or "3d-log": lr-surface-3d.js draws this plot's data in 3-D in the contour plot's place. */
    setView(view) {
      this.view = view;
      customElements.whenDefined('lr-surface-3d').then(() => customElements.get('lr-surface-3d').attach(this));
    }

    setInteractive(on) {
      this.interactive = on;
    }

    /** Rings each shown run's point at step (its last drawn at or before it) in its colour; null for none. */
    setCursor(step) {
      this._cursor = step;
      this._series([this._cursorSeries()]);
    }

    /** The points the cursor rings, per run [x, y, step] of its last drawn at or before it, else null. */
    get cursorPoints() {
      const t = this._cursor;
      return this._runs.map((r) => {
        if (t == null || !r || !this._shown(r.run)) return null;
        let lo = 0, hi = r.data.length - 1, found = null;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (r.data[mid][2] <= t) {
            found = r.data[mid];
            lo = mid + 1;
          } else {
            hi = mid - 1;
          }
        }
        return found && found.slice(0, 3);
      });
    }

    /**
     * One explained update drawn where it started, in its run's colour (lilipads' step cartoon):
     * {color, x, y, arrows: [{kind, label, dx, dy}], bars: [{label, values: [x, y]}]}; null clears
     * it. The "gradient" (−g) and "momentum" arrows share one scale, the longer a quarter of the box;
     * the "update" Δθ is drawn to scale unless too short to see, then enlarged, its label saying
     * by how much. Each bar group shows a per-coordinate term (v, G, …) of x and y side by side.
     */
    setStep(step) {
      this._step = step;
      this._stepDrawn = null;
      this._series([this._stepSeries()]);
    }

    /** What the step drawing put on the plot, for tests: {arrows, bars}. */
    get stepShapes() {
      return this._stepDrawn ?? {arrows: 0, bars: 0};
    }

    _stepSeries() {
      const st = this._step;
      return {
        id: 'step', type: 'custom', silent: true, z: 9, clip: false,
        data: st && this._surface ? [[st.x, st.y]] : [],
        renderItem: (params, api) => this._drawStep(api),
      };
    }

    _drawStep(api) {
      const st = this._step;
      const s = this._surface;
      const span = Math.min(s.xMax - s.xMin, s.yMax - s.yMin);
      const length = (a) => Math.hypot(a.dx, a.dy);
      const longest = Math.max(0, ...st.arrows.filter((a) => a.kind !== 'update').map(length));
      const from = api.coord([st.x, st.y]);
      const ink = this._ink();
      const children = [];
      let arrows = 0;
      for (const [n, a] of st.arrows.entries()) {
        let k = a.kind === 'update' ? 1 : (longest > 0 ? 0.25 * span / longest : 0);
        let label = a.label;
        if (a.kind === 'update' && length(a) > 0 && length(a) < 0.04 * span) {
          k = niceFactor(0.04 * span / length(a));
          label += ' ×' + fmt(k);
        }
        const to = api.coord([st.x + k * a.dx, st.y + k * a.dy]);
        if (!to.every(Number.isFinite) || Math.hypot(to[0] - from[0], to[1] - from[1]) < 2) continue;
        // Arrows that point alike would write their labels over each other: each label sits a row apart.
        children.push(...arrowShapes(from, to, st.color, a.kind, label, this._dark, (n - 1) * 14));
        arrows++;
      }
      // The bars stand beside the point, on the side with room, over a plate that keeps them legible.
      let bars = 0;
      const groups = st.bars.filter((b) => b.values.every(Number.isFinite));
      const width = groups.length * 44;
      const left = from[0] + 18 + width < api.getWidth() ? from[0] + 18 : from[0] - 18 - width;
      const base = Math.min(api.getHeight() - 8, from[1] + 56);
      if (groups.length) {
        children.push({type: 'rect', shape: {x: left - 4, y: base - 62, width: width + 4, height: 78, r: 4},
          style: {fill: this._dark ? 'rgba(16,22,34,0.8)' : 'rgba(255,255,255,0.85)'}});
      }
      groups.forEach((b, g) => {
        const top = Math.max(...b.values.map(Math.abs)) || 1;
        b.values.forEach((v, i) => {
          const h = Math.max(1, 40 * Math.abs(v) / top);
          const x = left + g * 44 + i * 18;
          children.push({type: 'rect', shape: {x, y: base - h, width: 14, height: h},
            style: {fill: st.color, opacity: i === 0 ? 1 : 0.6}});
          children.push({type: 'text', x: x + 7, y: base + 2, style: {text: i === 0 ? 'x' : 'y', fill: ink.text,
            font: '10px sans-serif', align: 'center', verticalAlign: 'top'}});
          bars++;
        });
        children.push({type: 'text', x: left + g * 44 + 16, y: base - 58, style: {text: b.label, fill: ink.text,
          font: 'bold 11px sans-serif', align: 'center', verticalAlign: 'top'}});
      });
      this._stepDrawn = {arrows, bars};
      return {type: 'group', children};
    }

    _cursorSeries() {
      return {
        id: 'cursor', type: 'scatter', symbol: 'circle', symbolSize: 16, z: 8, silent: true,
        data: this.cursorPoints.flatMap((p, i) => (p ? [{value: p, itemStyle: {color: 'transparent',
          borderColor: this._runs[i].color, borderWidth: 3, shadowColor: 'rgba(0,0,0,0.6)', shadowBlur: 3}}] : [])),
      };
    }

    /** Points handed to ECharts per run, for tests and for waiting on the page. */
    get pointCounts() {
      return this._drawn ?? [];
    }

    get pointCount() {
      return this.pointCounts.reduce((n, c) => n + c, 0);
    }

    /** The first start marker, [x, y]: the shared start whenever a run uses it. */
    get startPoint() {
      const s = this._starts[0];
      return s ? [s.x, s.y] : null;
    }

    /** "surface", or with a single run (side by side) "surface-1-adam-lr-0-05". */
    _fileName() {
      return this._runs.length === 1 ? 'surface-' + slug(this._runs[0].name) : 'surface';
    }

    _render() {
      const chart = this._chart;
      const s = this._surface;
      if (!chart || !s) return;
      const ink = this._ink();
      const axis = (name, min, max) => ({
        type: 'value', name, min, max, nameLocation: 'middle', nameGap: 24,
        axisLine: {onZero: false, lineStyle: {color: ink.line}}, splitLine: {show: false},
        axisLabel: {color: ink.text, formatter: (v) => fmt(v)},
      });
      chart.setOption({
        ...this._base(),
        grid: this._grid(),
        xAxis: axis(s.xName ?? 'x', s.xMin, s.xMax),
        yAxis: axis(s.yName ?? 'y', s.yMin, s.yMax),
        tooltip: {
          trigger: 'item', confine: true,
          formatter: (p) => {
            const v = p.value;
            if (p.seriesId === 'minima') return lines([`minimum at (${fmt(v[0])}, ${fmt(v[1])}), f = ${fmt(v[2])}`]);
            if (p.seriesId === 'start') return lines([`start (${fmt(v[0])}, ${fmt(v[1])})`]);
            const run = this._runs[Number(p.seriesId.slice('steps-'.length))];
            if (v.length < 4 || !run) return '';
            return lines([el('b', run.name)], [`step ${v[2]}`], [`x = ${fmt(v[0])}, y = ${fmt(v[1])}`], [`loss = ${fmt(v[3])}`]);
          },
        },
        series: [
          {
            id: 'contours', type: 'line', data: this._contours, silent: true, showSymbol: false,
            connectNulls: false, lineStyle: {color: ink.faint, width: 1}, z: 1,
          },
          {
            id: 'minima', type: 'scatter', symbol: STAR, symbolSize: 16, z: 5,
            itemStyle: {color: '#ffd400', borderColor: '#000', borderWidth: 1},
            data: s.minima.map((m) => [m[0], m[1], m[2]]),
          },
          this._startSeries(),
          ...this._pathSeries(),
          this._cursorSeries(),
          this._stepSeries(),
        ],
      }, {replaceMerge: ['series']});
      this._placeHeat();
      this.view3d?.changed();
    }

    /**
     * The plotting area: a square box is drawn square (one unit of x as long as one of y), so
     * that circles look round and gradients stand at right angles to the contours.
     */
    _grid() {
      const s = this._surface;
      const margin = {left: 48, right: 16, top: 30, bottom: 44}; // room above for the Contour | 3-D switch
      if (!s || Math.abs((s.xMax - s.xMin) - (s.yMax - s.yMin)) > 1e-9 * (s.xMax - s.xMin)) return margin;
      const w = this.clientWidth - margin.left - margin.right;
      const h = this.clientHeight - margin.top - margin.bottom;
      if (w <= 0 || h <= 0) return margin;
      const side = Math.min(w, h);
      return {left: margin.left + (w - side) / 2, top: margin.top + (h - side) / 2, width: side, height: side};
    }

    _bind(chart) {
      chart.getZr().on('click', (e) => {
        if (this._touch) return; // a tap while scrolling never moves the start: touch screens use a long press
        this._click(e.offsetX, e.offsetY);
      });
    }

    _startSeries() {
      return {
        id: 'start', type: 'scatter', symbol: 'circle', symbolSize: 12, z: 6,
        itemStyle: {color: this._dark ? '#fff' : '#111', borderColor: this._dark ? '#111' : '#fff', borderWidth: 2},
        data: this._starts.map((s) => ({value: [s.x, s.y], itemStyle: s.color ? {color: s.color} : undefined})),
      };
    }

    /**
     * Per run a line through its points and a dot at each (the dots' spacing shows the step
     * sizes, and hovering one tells its numbers). The dots are a scatter series in ECharts'
     * large mode, drawn as one shape: as the line's own symbols, one element per point, they cost
     * most of the page's time in a long race.
     */
    _pathSeries(slots = this._runs.map((_, i) => i)) {
      this._drawn = this._runs.map((r) => r.data.length);
      return slots.flatMap((i) => {
        const r = this._runs[i];
        const data = this._shown(r.run) ? r.data : [];
        const opacity = dim(this, r.run);
        // The highlighted run is drawn over the others; otherwise later runs over earlier ones.
        const z = 3 + (this._highlight === r.run ? 0.5 : i / 100);
        const head = data.length === 0 ? [] : [{
          coord: data[data.length - 1].slice(0, 2),
          // A diverged run's last finite point gets a cross: the run ended there, it was not at rest.
          ...(r.end === 'diverged' ? {symbol: CROSS, symbolSize: 16, itemStyle: {color: r.color, borderColor: '#fff', borderWidth: 1.5, opacity}} : {}),
        }];
        return [
          {
            id: 'path-' + i, name: r.name, type: 'line', data, z, silent: true,
            showSymbol: false, connectNulls: false,
            lineStyle: {color: r.color, width: 2, opacity, shadowColor: 'rgba(0,0,0,0.45)', shadowBlur: 2},
            markPoint: {
              symbol: 'circle', symbolSize: 11, silent: true, label: {show: false},
              itemStyle: {color: r.color, borderColor: '#fff', borderWidth: 2, opacity},
              data: head,
            },
          },
          {
            id: 'steps-' + i, name: r.name, type: 'scatter', data, z,
            symbolSize: 3, large: true, largeThreshold: 1, itemStyle: {color: r.color, opacity},
          },
        ];
      });
    }

    /** Draws the heatmap into a canvas once and lays it under the grid as an image. */
    _placeHeat() {
      const chart = this._chart;
      const s = this._surface;
      if (!chart || !s) return;
      if (!this._heat || this._heatDark !== this._dark) {
        this._heat = heatCanvas(s, this._dark);
        this._heatDark = this._dark;
      }
      const topLeft = chart.convertToPixel({gridIndex: 0}, [s.xMin, s.yMax]);
      const bottomRight = chart.convertToPixel({gridIndex: 0}, [s.xMax, s.yMin]);
      if (!topLeft || !bottomRight) return;
      chart.setOption({
        graphic: [{
          id: 'heat', type: 'image', z: -10, silent: true,
          x: topLeft[0], y: topLeft[1],
          style: {image: this._heat, x: 0, y: 0, width: bottomRight[0] - topLeft[0], height: bottomRight[1] - topLeft[1]},
        }],
      });
    }

    _resized() {
      if (this._surface && this._chart) {
        this._chart.setOption({grid: this._grid()});
      }
      this._placeHeat();
    }

    connectedCallback() {
      super.connectedCallback();
      if (this._keys) return;
      this._keys = true;
      this.setView(this.view ?? 'contour');
      this.tabIndex = 0;
      // A focusable widget with keys of its own: named by its aria-label, and screen readers pass the arrows through.
      this.setAttribute('role', 'application');
      this.setAttribute('aria-keyshortcuts', 'ArrowLeft ArrowRight ArrowUp ArrowDown Enter');
      this.title = 'Click (or long-press, or move with the arrow keys and press Enter) to move the start';
      this.addEventListener('keydown', (e) => this._key(e));
      // Touch: a long press without moving picks the start; taps and scrolling never do.
      this.addEventListener('pointerdown', (e) => {
        this._touch = e.pointerType === 'touch';
        if (!this._touch) return;
        const at = [e.offsetX, e.offsetY];
        clearTimeout(this._press);
        this._press = setTimeout(() => this._click(at[0], at[1]), 550);
        const cancel = (m) => {
          if (m.type !== 'pointermove' || Math.hypot(m.offsetX - at[0], m.offsetY - at[1]) > 10) {
            clearTimeout(this._press);
            this.removeEventListener('pointermove', cancel);
            this.removeEventListener('pointerup', cancel);
            this.removeEventListener('pointercancel', cancel);
          }
        };
        this.addEventListener('pointermove', cancel);
        this.addEventListener('pointerup', cancel);
        this.addEventListener('pointercancel', cancel);
      });
      this.addEventListener('contextmenu', (e) => this._touch && e.preventDefault());
    }

    /** Arrow keys move the start by a fiftieth of the box (with Shift a fifth), Enter or Space runs from there. */
    _key(e) {
      const s = this._surface;
      if (!this.interactive || !s || e.target !== this) return;
      const moves = {ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1]};
      const m = moves[e.key];
      if (m) {
        e.preventDefault();
        e.stopPropagation();
        const step = e.shiftKey ? 0.2 : 0.02;
        const [x, y] = this._pending ?? this.startPoint ?? [(s.xMin + s.xMax) / 2, (s.yMin + s.yMax) / 2];
        this._pending = [Math.min(s.xMax, Math.max(s.xMin, x + m[0] * step * (s.xMax - s.xMin))),
          Math.min(s.yMax, Math.max(s.yMin, y + m[1] * step * (s.yMax - s.yMin)))];
        this._chart?.setOption({series: [{id: 'pending', type: 'scatter', symbol: 'circle', symbolSize: 14, z: 7,
          itemStyle: {color: 'transparent', borderColor: this._ink().text, borderWidth: 2}, data: [this._pending]}]});
      } else if ((e.key === 'Enter' || e.key === ' ') && this._pending) {
        e.preventDefault();
        e.stopPropagation();
        const [x, y] = this._pending;
        this._pending = null;
        this._chart?.setOption({series: [{id: 'pending', data: []}]});
        this.dispatchEvent(new CustomEvent('start-picked', {detail: {x, y}}));
      }
    }

    _click(px, py) {
      if (!this.interactive || !this._chart) return;
      const pixel = [px, py];
      if (!this._chart.containPixel({gridIndex: 0}, pixel)) return;
      const [x, y] = this._chart.convertFromPixel({gridIndex: 0}, pixel);
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      this.dispatchEvent(new CustomEvent('start-picked', {detail: {x, y}}));
    }
  }

  /**
   * An arrow from one pixel to another with its label at the tip, moved down by labelShift pixels:
   * dashed for the gradient, dotted for the momentum, solid and thicker for the update.
   */
  /**
   * The smallest of 1, 2 and 5 times a power of ten that is at least k: an enlargement that reads at
   * a glance and stays the same from one step to the next.
   */
  const niceFactor = (k) => {
    const p = 10 ** Math.floor(Math.log10(k));
    return [1, 2, 5, 10].map((m) => m * p).find((f) => f >= k);
  };

  function arrowShapes(from, to, color, kind, label, dark, labelShift) {
    const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
    const head = (side) => [to[0] - 9 * Math.cos(angle + side * 0.45), to[1] - 9 * Math.sin(angle + side * 0.45)];
    const dash = kind === 'gradient' ? [6, 4] : kind === 'momentum' ? [2, 3] : null;
    const width = kind === 'update' ? 3 : 2.5;
    const edge = dark ? '#101622' : '#fff';
    const shaft = {x1: from[0], y1: from[1], x2: to[0], y2: to[1]};
    return [
      // An outline in the background's colour sets the arrow off from its run's path, drawn in the same colour.
      {type: 'line', shape: shaft, style: {stroke: edge, lineWidth: width + 3, opacity: 0.85}},
      {type: 'line', shape: shaft, style: {stroke: color, lineWidth: width, lineDash: dash}},
      {type: 'polygon', shape: {points: [to, head(1), head(-1)]}, style: {fill: color, stroke: edge, lineWidth: 1.5}},
      {type: 'text', x: to[0] + 6 * Math.cos(angle), y: to[1] + 6 * Math.sin(angle) + labelShift,
        style: {text: label, fill: color, stroke: edge, lineWidth: 3,
          font: 'bold 12px sans-serif', align: Math.cos(angle) < 0 ? 'right' : 'left', verticalAlign: 'middle'}},
    ];
  }

  /** A cross, for the last finite point of a diverged run. */
  const CROSS = 'path://M20,0 L50,30 L80,0 L100,20 L70,50 L100,80 L80,100 L50,70 L20,100 L0,80 L30,50 L0,20 Z';

  /** A five-pointed star for minima. */
  const STAR = 'path://M50,0 L61,35 L98,35 L68,57 L79,91 L50,70 L21,91 L32,57 L2,35 L39,35 Z';

  /** A muted blue-grey ramp, so that the runs' colours stand out in both themes. */
  function ramp(t, dark) {
    const lo = dark ? [16, 22, 34] : [250, 251, 253];
    const hi = dark ? [78, 92, 118] : [84, 102, 130];
    return lo.map((c, k) => Math.round(c + (hi[k] - c) * t));
  }

  function heatCanvas(s, dark) {
    const canvas = document.createElement('canvas');
    canvas.width = s.nx;
    canvas.height = s.ny;
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(s.nx, s.ny);
    const span = s.zMax - s.zMin || 1;
    for (let j = 0; j < s.ny; j++) {
      const row = s.ny - 1 - j; // canvas rows run downwards, y upwards
      for (let i = 0; i < s.nx; i++) {
        const [r, g, b] = ramp(Math.max(0, Math.min(1, (s.z[j * s.nx + i] - s.zMin) / span)), dark);
        const o = (row * s.nx + i) * 4;
        img.data[o] = r;
        img.data[o + 1] = g;
        img.data[o + 2] = b;
        img.data[o + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    return canvas;
  }

  /**
   * Contour lines of z at evenly spaced levels by marching squares, as one line series' data:
   * two points per segment and a null between segments, which breaks the line.
   */
  function contours(s) {
    const out = [];
    const levels = 14;
    const dx = (s.xMax - s.xMin) / (s.nx - 1);
    const dy = (s.yMax - s.yMin) / (s.ny - 1);
    const z = (i, j) => s.z[j * s.nx + i];
    for (let l = 1; l < levels; l++) {
      const level = s.zMin + (s.zMax - s.zMin) * l / levels;
      for (let j = 0; j < s.ny - 1; j++) {
        for (let i = 0; i < s.nx - 1; i++) {
          const c = [z(i, j), z(i + 1, j), z(i + 1, j + 1), z(i, j + 1)];
          const corners = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
          const cuts = [];
          for (let e = 0; e < 4; e++) {
            const a = c[e], b = c[(e + 1) % 4];
            if ((a < level) !== (b < level)) {
              const t = (level - a) / (b - a);
              const [ai, aj] = corners[e];
              const [bi, bj] = corners[(e + 1) % 4];
              cuts.push([s.xMin + (ai + (bi - ai) * t) * dx, s.yMin + (aj + (bj - aj) * t) * dy]);
            }
          }
          // Two cuts: one segment; four (a saddle cell): pair them in order.
          for (let k = 0; k + 1 < cuts.length; k += 2) {
            out.push(cuts[k], cuts[k + 1], null);
          }
        }
      }
    }
    return out;
  }

  /** Lines appended live: loss, effective learning rates, schedule values. */
  class LrLineChart extends LrChart {
    constructor() {
      super();
      this._config = {yLog: false, xLog: false, xName: 'step', yName: '', legend: true, dots: false};
      this._series = [];
      this._markers = [];
    }

    /** {yLog, xLog, xName, yName, legend, dots, xMax}; dots draws each point alone, as a scatter plot; xMax ends the x axis. */
    setConfig(config) {
      this._config = {...this._config, ...config};
      this._render();
    }

    /** Replaces every series (clearing data): [{id, run, name, color, dashed}]. */
    setSeries(series) {
      const same = series.length === this._series.length && series.every((s, k) => s.id === this._series[k].id);
      this._series = series.map((s) => ({...s, data: []}));
      if (same) this._drawAppended(); else this._render();
    }

    /** Vertical dashed lines, labelled along their length: [{x, label, color}], the text colour where color is null. */
    setMarkers(markers) {
      this._markers = markers;
      this._render();
    }

    /** A thin vertical line at step, the step a timeline shows; null for none. */
    setCursor(step) {
      this._cursor = step;
      this._chart?.setOption({series: [this._cursorSeries()]});
    }

    /** The step the cursor stands at, or null: for tests. */
    get cursorStep() {
      return this._cursor ?? null;
    }

    _cursorSeries() {
      return {
        id: 'cursor', type: 'line', data: [], silent: true,
        markLine: {
          symbol: 'none', silent: true,
          data: this._cursor == null ? [] : [{xAxis: this._cursor, label: {show: false},
            lineStyle: {color: this._ink().text, type: 'solid', width: 1}}],
        },
      };
    }

    /** Appends points: [{id, points: [[step, value], …]}]; a log axis drops values ≤ 0. */
    append(batches) {
      const c = this._config;
      for (const b of batches) {
        const s = this._series.find((x) => x.id === b.id);
        if (!s) continue;
        for (const p of b.points) {
          if ((!c.yLog || p[1] > 0) && (!c.xLog || p[0] > 0)) s.data.push(p);
        }
      }
      this._scheduleAppend();
    }

    /**
     * Appends thinned columns, per series {id, first, stride, last, n, values}: n values at the
     * steps first, first + stride, … and last (one value standing for all n when they are the same). There is no update, hence no rate, before step 1, and a
     * log axis drops values ≤ 0.
     */
    appendColumns(columns) {
      this.append(columns.map((c) => ({
        id: c.id, points: Array.from({length: c.n}, (_, i) => [stepOf(c, i, c.n), at(c.values, i)]).filter((p) => p[1] !== null),
      })));
    }

    _drawAppended() {
      this._chart?.setOption({series: this._lineSeries()});
    }

    _legendItems() {
      return this._series.filter((s) => this._shown(s.run)).map((s) => ({name: s.name, color: s.color, dashed: s.dashed}));
    }

    /** Points handed to ECharts, for tests and for waiting on the page. */
    get pointCount() {
      return this._drawn ?? 0;
    }

    _fileName() {
      return slug(this._config.yName) || 'chart';
    }

    /** The data of one series, for tests. */
    seriesData(id) {
      return this._series.find((s) => s.id === id)?.data ?? [];
    }

    _render() {
      if (!this._chart) return;
      const ink = this._ink();
      const c = this._config;
      this._chart.setOption({
        ...this._base(),
        grid: {left: 64, right: 16, top: c.legend ? 56 : 28, bottom: 40},
        legend: {
          show: c.legend, type: 'plain', top: 0, left: 8, right: 36, itemWidth: 18, itemGap: 8,
          textStyle: {color: ink.text, fontSize: 11},
          data: this._series.map((s) => s.name), // not the markers' series
        },
        tooltip: c.dots ? {
          trigger: 'item', confine: true,
          formatter: (p) => lines([swatch(p.color), p.seriesName], [`${c.xName} ${fmt(p.value[0])}: `, el('b', fmt(p.value[1]))]),
        } : {
          trigger: 'axis', confine: true,
          formatter: (items) => lines([`${c.xName} ${c.xLog ? fmt(items[0].value[0]) : items[0].value[0]}`],
              ...items.map((p) => [swatch(p.color), `${p.seriesName}: `, el('b', fmt(p.value[1]))])),
        },
        xAxis: {
          type: c.xLog ? 'log' : 'value', name: c.xName + (c.xLog ? ' (log)' : ''), nameLocation: 'middle',
          nameGap: 24, min: c.xLog ? undefined : 'dataMin', max: c.xMax, // a log axis ends on whole decades
          axisLine: {onZero: false, lineStyle: {color: ink.line}}, splitLine: {show: false},
          axisLabel: {color: ink.text, formatter: c.xLog ? (v) => fmt(v) : undefined, hideOverlap: true},
        },
        yAxis: {
          type: c.yLog ? 'log' : 'value', name: c.yName + (c.yLog ? ' (log)' : ''),
          nameTextStyle: {align: 'left', padding: [0, 0, 0, -56]},
          scale: true, axisLine: {lineStyle: {color: ink.line}},
          splitLine: {lineStyle: {color: ink.faint}},
          axisLabel: {color: ink.text, formatter: (v) => fmt(v)},
        },
        series: [...this._lineSeries(), this._markerSeries(), this._cursorSeries()],
      }, {replaceMerge: ['series']});
    }

    /** An empty series that carries the markers, so that hiding a line in the legend keeps them. */
    _markerSeries() {
      const ink = this._ink();
      return {
        id: 'markers', type: 'line', data: [], silent: true,
        markLine: {
          symbol: 'none', silent: true,
          data: this._markers.map((m) => ({
            xAxis: m.x, lineStyle: {color: m.color ?? ink.text, type: 'dashed', width: 1.2},
            // A function: a string formatter would read {a}, {b}, … in the label as templates.
            label: {formatter: () => m.label, color: m.color ?? ink.text, position: 'insideEndTop'},
          })),
        },
      };
    }

    _lineSeries() {
      this._drawn = this._series.reduce((n, s) => n + s.data.length, 0);
      return this._series.map((s) => ({
        id: s.id, name: s.name, type: this._config.dots ? 'scatter' : 'line', symbolSize: 9,
        data: this._shown(s.run) ? s.data : [], showSymbol: false,
        z: this._highlight === s.run ? 3 : 2,
        lineStyle: {color: s.color, width: 1.8, type: s.dashed ? 'dashed' : 'solid', opacity: dim(this, s.run)},
        itemStyle: {color: s.color, opacity: dim(this, s.run)},
      }));
    }
  }

  /** Hovering a run's legend entry, results row or card highlights it in every chart of its scope. */
  const hover = (e, on) => {
    const item = e.target.closest?.('[data-run]');
    const page = item?.closest('[data-race-page]') ?? item?.closest('[data-race-scope]');
    if (!page) return;
    const run = on ? Number(item.getAttribute('data-run')) : null;
    page.querySelectorAll('[data-run]').forEach((el) => el.toggleAttribute('highlighted', run !== null && Number(el.getAttribute('data-run')) === run));
    page.querySelectorAll('lr-surface-plot, lr-line-chart').forEach((c) => c.highlight?.(run));
  };
  document.addEventListener('mouseover', (e) => hover(e, true));
  document.addEventListener('mouseout', (e) => hover(e, false));

  // The 3-D view (lr-surface-3d.js) colours and labels as the contour plot does.
  LrSurfacePlot.ramp = ramp;
  LrSurfacePlot.fmt = fmt;
  customElements.define('lr-surface-plot', LrSurfacePlot);
  customElements.define('lr-line-chart', LrLineChart);
})();
