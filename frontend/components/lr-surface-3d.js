/*
 * <lr-surface-3d>: the loss surface as a rotatable 3-D mesh with the runs' paths on it, drawn in
 * place of an <lr-surface-plot>'s contour plot and from that plot's own data (its surface grid,
 * runs, starts, hidden and highlighted runs): nothing is computed or sent twice. WebGL draws the
 * mesh (a 2-D canvas stands in where WebGL is missing); a 2-D canvas over it draws the paths, the
 * markers and the labels, so that a path is never buried in the surface it runs on.
 *
 * Height is f − f*, or with the log option log10(f − f* + ε), the contour plot's colour scale;
 * colour is always that scale. Drag (mouse or one finger) rotates, the wheel or a pinch zooms, the
 * arrow keys rotate and + − zoom while it has focus. It draws on demand, at most once per
 * animation frame and never while hidden: no loop runs when nothing changes.
 *
 * The plot's setView("contour" | "3d" | "3d-log") calls LrSurface3d.attach, which adds the
 * "Contour | 3-D" switch to the plot; a click on the switch or on the log button fires
 * "view-changed" {view} on the plot.
 */
(() => {
  if (customElements.get('lr-surface-3d')) {
    return;
  }

  /** Height of the box over its larger side's half-width, in scene units. */
  const HEIGHT = 0.8;
  /** Contour levels on the mesh: the contour plot's. */
  const LEVELS = 14;
  const FOV = 32 * Math.PI / 180;
  const HOME = {yaw: -62 * Math.PI / 180, pitch: 32 * Math.PI / 180, zoom: 1};
  const PITCH_MIN = 4 * Math.PI / 180;
  const PITCH_MAX = 89 * Math.PI / 180;
  const ZOOM_MIN = 0.5;
  const ZOOM_MAX = 6;

  const isDark = () => document.documentElement.getAttribute('theme')?.includes('dark') ?? false;
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

  // Column-major 4×4 matrices, as WebGL takes them.
  function perspective(fovy, aspect, near, far) {
    const f = 1 / Math.tan(fovy / 2);
    const nf = 1 / (near - far);
    return new Float32Array([f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) * nf, -1, 0, 0, 2 * far * near * nf, 0]);
  }

  function lookAt(eye, c, up) {
    const sub = (a, b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
    const norm = (a) => { const l = Math.hypot(...a); return a.map((v) => v / l); };
    const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    const z = norm(sub(eye, c));
    const x = norm(cross(up, z));
    const y = cross(z, x);
    return new Float32Array([x[0], y[0], z[0], 0, x[1], y[1], z[1], 0, x[2], y[2], z[2], 0,
      -dot(x, eye), -dot(y, eye), -dot(z, eye), 1]);
  }

  function multiply(a, b) {
    const out = new Float32Array(16);
    for (let c = 0; c < 4; c++) {
      for (let r = 0; r < 4; r++) {
        let s = 0;
        for (let k = 0; k < 4; k++) s += a[k * 4 + r] * b[c * 4 + k];
        out[c * 4 + r] = s;
      }
    }
    return out;
  }

  const VERTEX = `
    attribute vec3 aPos; attribute vec3 aNormal; attribute float aT;
    uniform mat4 uMvp; varying vec3 vNormal; varying float vT;
    void main() { vNormal = aNormal; vT = aT; gl_Position = uMvp * vec4(aPos, 1.0); }`;
  const FRAGMENT = `
    #extension GL_OES_standard_derivatives : enable
    precision mediump float;
    uniform vec3 uLo; uniform vec3 uHi; uniform vec3 uInk; uniform vec3 uLight; uniform float uFlat; uniform float uLines;
    varying vec3 vNormal; varying float vT;
    void main() {
      if (uFlat > 0.5) { gl_FragColor = vec4(uInk, 1.0); return; }
      vec3 base = mix(uLo, uHi, vT);
      float lambert = abs(dot(normalize(vNormal), uLight));
      vec3 colour = base * (0.62 + 0.38 * lambert);
      if (uLines > 0.5) {
        float l = vT * ${LEVELS}.0;
        float d = min(fract(l), 1.0 - fract(l)) / max(fwidth(l), 1e-4);
        colour = mix(uInk, colour, mix(0.55, 1.0, clamp(d, 0.0, 1.0)));
      }
      gl_FragColor = vec4(colour, 1.0);
    }`;

  class LrSurface3d extends HTMLElement {
    /** Adds the "Contour | 3-D" switch to a plot (once) and shows the plot's view, plot.view. */
    static attach(plot) {
      if (!plot._viewSwitch) LrSurface3d._addSwitch(plot);
      LrSurface3d.show(plot, plot.view, false);
    }

    static _addSwitch(plot) {
      const bar = document.createElement('div');
      bar.className = 'lr-view-switch';
      bar.setAttribute('role', 'group');
      bar.setAttribute('aria-label', 'Plot view');
      const button = (view, text) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = text;
        b.dataset.view = view;
        b.addEventListener('click', () => {
          const next = view === 'contour' ? 'contour' : (plot.view3d?.log ? '3d-log' : '3d');
          if (next !== plot.view) LrSurface3d.show(plot, next, true);
        });
        bar.appendChild(b);
        return b;
      };
      button('contour', 'Contour');
      button('3d', '3-D');
      plot._viewSwitch = bar;
      plot.appendChild(bar);
    }

    /** Shows the contour plot or the 3-D view of plot; fires "view-changed" when the user asked. */
    static show(plot, view, fromUser) {
      const three = view === '3d' || view === '3d-log';
      plot.view = three ? view : 'contour';
      if (three && !plot.view3d) {
        plot.view3d = document.createElement('lr-surface-3d');
        plot.view3d.plot = plot;
        plot.appendChild(plot.view3d);
      }
      plot._box.style.visibility = three ? 'hidden' : '';
      plot.querySelector(':scope > .lr-save-png')?.toggleAttribute('hidden', three);
      if (plot.view3d) {
        plot.view3d.hidden = !three;
        if (three) plot.view3d.setLog(view === '3d-log');
      }
      plot._viewSwitch.querySelectorAll('button').forEach((b) =>
        b.setAttribute('aria-pressed', String((b.dataset.view === 'contour') !== three)));
      if (fromUser) plot.dispatchEvent(new CustomEvent('view-changed', {detail: {view: plot.view}}));
    }

    constructor() {
      super();
      this.log = false;
      this.rotation = {...HOME};
      this.renders = 0;
      this.lastRenderMs = 0;
      this.triangles = 0;
      this.pathPoints = [];
      this._pending = false;
    }

    connectedCallback() {
      // Watched only while in the page: an observer of <html> would keep a removed view, and its WebGL context, alive.
      this._resizeWatch = new ResizeObserver(() => this.changed());
      this._resizeWatch.observe(this);
      this._themeWatch = new MutationObserver(() => this.changed());
      this._themeWatch.observe(document.documentElement, {attributes: true, attributeFilter: ['theme']});
      if (this._canvas) return;
      // The picture is an image that takes keys; its buttons stand beside it, not inside it.
      this._picture = document.createElement('div');
      this._picture.className = 'lr-3d-picture';
      this._picture.setAttribute('role', 'img');
      this._picture.tabIndex = 0;
      this._canvas = document.createElement('canvas');
      this._gl = this._canvas.getContext('webgl', {antialias: true, preserveDrawingBuffer: true});
      // A software renderer (no GPU, as on CI) spends two thirds of a frame on multisampling: it
      // draws without, on a canvas of its own (a canvas keeps its first context's options).
      if (this._gl && /swiftshader|llvmpipe|software/i.test(renderer(this._gl))) {
        this._canvas = document.createElement('canvas');
        this._gl = this._canvas.getContext('webgl', {antialias: false, preserveDrawingBuffer: true});
      }
      this.antialias = !!this._gl?.getContextAttributes().antialias;
      this._overlay = document.createElement('canvas');
      this._overlay.setAttribute('aria-hidden', 'true');
      this._picture.append(this._canvas, this._overlay);
      this.append(this._picture, this._tools());
      this.mode = this._gl ? 'webgl' : '2d';
      if (this._gl) this._setUpGl();
      this._listen();
      this._describe();
    }

    disconnectedCallback() {
      this._resizeWatch.disconnect();
      this._themeWatch.disconnect();
    }

    _tools() {
      const tools = document.createElement('div');
      tools.className = 'lr-3d-tools';
      this._logButton = document.createElement('button');
      this._logButton.type = 'button';
      this._logButton.textContent = 'log height';
      this._logButton.title = 'Height as log10(f − f* + ε), the colour scale';
      this._logButton.addEventListener('click', () => LrSurface3d.show(this.plot, this.log ? '3d' : '3d-log', true));
      const reset = document.createElement('button');
      reset.type = 'button';
      reset.textContent = 'Reset view';
      reset.addEventListener('click', () => this.resetView());
      tools.append(this._logButton, reset);
      return tools;
    }

    /** Height as f − f* (false) or log10(f − f* + ε) (true). */
    setLog(on) {
      this._logButton?.setAttribute('aria-pressed', String(on));
      if (this.log === on && this._mesh) return;
      this.log = on;
      this._mesh = null;
      this._describe();
      this.changed();
    }

    resetView() {
      this.rotation = {...HOME};
      this.changed();
    }

    /** Rotates by yaw and pitch (radians) and zooms by a factor. */
    turn(dYaw, dPitch, zoom = 1) {
      const r = this.rotation;
      this.rotation = {
        yaw: r.yaw + dYaw,
        pitch: clamp(r.pitch + dPitch, PITCH_MIN, PITCH_MAX),
        zoom: clamp(r.zoom * zoom, ZOOM_MIN, ZOOM_MAX),
      };
      this.changed();
    }

    /** The plot's data changed, or the size, theme or camera: draws once at the next frame while shown. */
    changed() {
      const s = this.plot?._surface;
      if (s !== this._surfaceDrawn) {
        this._surfaceDrawn = s;
        this._mesh = null;
        this._describe();
      }
      if (this._pending || this.hidden || !this.isConnected) return;
      this._pending = true;
      requestAnimationFrame(() => {
        this._pending = false;
        if (!this.hidden) this.render();
      });
    }

    _describe() {
      const s = this.plot?._surface;
      const range = s ? ` over x from ${s.xMin} to ${s.xMax} and y from ${s.yMin} to ${s.yMax}` : '';
      this._picture?.setAttribute('aria-label', `3-D view of the loss surface${range}, height ${this.log ? 'log10(f − f* + ε)' : 'f − f*'},`
          + ' with each run\'s path and the minima marked; drag, or use the arrow keys, to rotate; wheel, pinch or + and − to zoom');
    }

    _listen() {
      const pointers = new Map();
      let spread = 0;
      const distance = () => {
        const [a, b] = [...pointers.values()];
        return Math.hypot(a.x - b.x, a.y - b.y);
      };
      this._canvas.style.touchAction = 'none';
      this._overlay.style.pointerEvents = 'none';
      this._canvas.addEventListener('pointerdown', (e) => {
        e.stopPropagation(); // the plot's long press would move the start
        this._canvas.setPointerCapture(e.pointerId);
        pointers.set(e.pointerId, {x: e.clientX, y: e.clientY});
        if (pointers.size === 2) spread = distance();
      });
      this._canvas.addEventListener('pointermove', (e) => {
        const p = pointers.get(e.pointerId);
        if (!p) return;
        const dx = e.clientX - p.x;
        const dy = e.clientY - p.y;
        p.x = e.clientX;
        p.y = e.clientY;
        if (pointers.size === 1) {
          this.turn(-dx * 0.008, dy * 0.008);
        } else if (pointers.size === 2) {
          const d = distance();
          if (spread > 0) this.turn(0, 0, d / spread);
          spread = d;
        }
      });
      const up = (e) => pointers.delete(e.pointerId);
      this._canvas.addEventListener('pointerup', up);
      this._canvas.addEventListener('pointercancel', up);
      this._canvas.addEventListener('wheel', (e) => {
        e.preventDefault();
        this.turn(0, 0, Math.exp(-e.deltaY * 0.0015));
      }, {passive: false});
      this._picture.addEventListener('keydown', (e) => {
        const step = (e.shiftKey ? 15 : 5) * Math.PI / 180;
        const keys = {
          ArrowLeft: () => this.turn(step, 0), ArrowRight: () => this.turn(-step, 0),
          ArrowUp: () => this.turn(0, step), ArrowDown: () => this.turn(0, -step),
          '+': () => this.turn(0, 0, 1.2), '=': () => this.turn(0, 0, 1.2), '-': () => this.turn(0, 0, 1 / 1.2),
          Home: () => this.resetView(),
        };
        if (e.target === this._picture && keys[e.key]) {
          e.preventDefault();
          e.stopPropagation(); // the plot's own keys move the start
          keys[e.key]();
        }
      });
    }

    _setUpGl() {
      const gl = this._gl;
      const shader = (type, text) => {
        const sh = gl.createShader(type);
        gl.shaderSource(sh, text);
        gl.compileShader(sh);
        return sh;
      };
      this._lines = !!gl.getExtension('OES_standard_derivatives');
      const program = gl.createProgram();
      gl.attachShader(program, shader(gl.VERTEX_SHADER, VERTEX));
      gl.attachShader(program, shader(gl.FRAGMENT_SHADER, this._lines ? FRAGMENT : FRAGMENT.replace(/#extension.*\n/, '')
          .replace(/fwidth\(l\)/, '1.0')));
      gl.linkProgram(program);
      this._program = program;
      this._loc = {};
      for (const a of ['aPos', 'aNormal', 'aT']) this._loc[a] = gl.getAttribLocation(program, a);
      for (const u of ['uMvp', 'uLo', 'uHi', 'uInk', 'uLight', 'uFlat', 'uLines']) this._loc[u] = gl.getUniformLocation(program, u);
      this._buffers = {pos: gl.createBuffer(), normal: gl.createBuffer(), t: gl.createBuffer(), index: gl.createBuffer(), frame: gl.createBuffer()};
    }

    /** Scene coordinates: the box's larger side spans −1…1, keeping its aspect; height 0…HEIGHT. */
    _scene(s) {
      const half = Math.max(s.xMax - s.xMin, s.yMax - s.yMin) / 2;
      const cx = (s.xMin + s.xMax) / 2;
      const cy = (s.yMin + s.yMax) / 2;
      const peak = Math.pow(10, s.zMax);
      // z is log10(f − f* + ε): the log height is its colour-scale position, the plain one f − f* over its largest value.
      const height = this.log
          ? (z) => HEIGHT * clamp((z - s.zMin) / (s.zMax - s.zMin || 1), 0, 1)
          : (z) => HEIGHT * clamp(Math.pow(10, z) / peak, 0, 1);
      const gap = (loss) => Math.log10(Math.max(loss - s.fStar, 0) + s.floor);
      return {x: (x) => (x - cx) / half, y: (y) => (y - cy) / half, height, gap, ax: (s.xMax - s.xMin) / 2 / half, ay: (s.yMax - s.yMin) / 2 / half};
    }

    _buildMesh(s) {
      const sc = this._scene(s);
      const {nx, ny} = s;
      const pos = new Float32Array(nx * ny * 3);
      const t = new Float32Array(nx * ny);
      const span = s.zMax - s.zMin || 1;
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          const k = j * nx + i;
          pos[k * 3] = -sc.ax + 2 * sc.ax * i / (nx - 1);
          pos[k * 3 + 1] = -sc.ay + 2 * sc.ay * j / (ny - 1);
          pos[k * 3 + 2] = sc.height(s.z[k]);
          t[k] = clamp((s.z[k] - s.zMin) / span, 0, 1);
        }
      }
      const normal = new Float32Array(nx * ny * 3);
      const h = (i, j) => pos[(clamp(j, 0, ny - 1) * nx + clamp(i, 0, nx - 1)) * 3 + 2];
      const dx = 2 * sc.ax / (nx - 1);
      const dy = 2 * sc.ay / (ny - 1);
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++) {
          const gx = (h(i + 1, j) - h(i - 1, j)) / (2 * dx);
          const gy = (h(i, j + 1) - h(i, j - 1)) / (2 * dy);
          const l = Math.hypot(gx, gy, 1);
          const k = (j * nx + i) * 3;
          normal[k] = -gx / l;
          normal[k + 1] = -gy / l;
          normal[k + 2] = 1 / l;
        }
      }
      const index = new Uint16Array((nx - 1) * (ny - 1) * 6);
      let o = 0;
      for (let j = 0; j < ny - 1; j++) {
        for (let i = 0; i < nx - 1; i++) {
          const a = j * nx + i;
          index.set([a, a + 1, a + nx, a + 1, a + nx + 1, a + nx], o);
          o += 6;
        }
      }
      const frame = new Float32Array([-sc.ax, -sc.ay, 0, sc.ax, -sc.ay, 0, sc.ax, -sc.ay, 0, sc.ax, sc.ay, 0,
        sc.ax, sc.ay, 0, -sc.ax, sc.ay, 0, -sc.ax, sc.ay, 0, -sc.ax, -sc.ay, 0]);
      this.triangles = index.length / 3;
      this._mesh = {sc, pos, t, normal, index, frame, nx, ny};
      const gl = this._gl;
      if (gl) {
        const b = this._buffers;
        gl.bindBuffer(gl.ARRAY_BUFFER, b.pos);
        gl.bufferData(gl.ARRAY_BUFFER, pos, gl.STATIC_DRAW);
        gl.bindBuffer(gl.ARRAY_BUFFER, b.normal);
        gl.bufferData(gl.ARRAY_BUFFER, normal, gl.STATIC_DRAW);
        gl.bindBuffer(gl.ARRAY_BUFFER, b.t);
        gl.bufferData(gl.ARRAY_BUFFER, t, gl.STATIC_DRAW);
        gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, b.index);
        gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, index, gl.STATIC_DRAW);
        gl.bindBuffer(gl.ARRAY_BUFFER, b.frame);
        gl.bufferData(gl.ARRAY_BUFFER, frame, gl.STATIC_DRAW);
      }
    }

    /**
     * The camera's matrix for a w × h picture (device pixels), and the eye's position. The picture
     * is then scaled and moved to fit the cylinder round the box into the room left by the labels
     * and buttons: that cylinder looks the same from every side, so turning never changes the size.
     */
    _camera(w, h) {
      const r = this.rotation;
      const d = 4.5;
      const c = [0, 0, HEIGHT / 2];
      const eye = [d * Math.cos(r.pitch) * Math.cos(r.yaw), d * Math.cos(r.pitch) * Math.sin(r.yaw), c[2] + d * Math.sin(r.pitch)];
      const raw = multiply(perspective(FOV, w / h, 0.05, d + 10), lookAt(eye, c, [0, 0, 1]));
      const {ax, ay} = this._mesh.sc;
      const radius = Math.hypot(ax, ay);
      const ext = [Infinity, -Infinity, Infinity, -Infinity];
      for (let k = 0; k < 48; k++) {
        const a = k * Math.PI / 24;
        for (const z of [0, HEIGHT]) {
          const p = [radius * Math.cos(a), radius * Math.sin(a), z];
          const cw = raw[3] * p[0] + raw[7] * p[1] + raw[11] * p[2] + raw[15];
          const x = (raw[0] * p[0] + raw[4] * p[1] + raw[8] * p[2] + raw[12]) / cw;
          const y = (raw[1] * p[0] + raw[5] * p[1] + raw[9] * p[2] + raw[13]) / cw;
          ext[0] = Math.min(ext[0], x);
          ext[1] = Math.max(ext[1], x);
          ext[2] = Math.min(ext[2], y);
          ext[3] = Math.max(ext[3], y);
        }
      }
      // Room in CSS pixels: the height's labels on the left, the buttons above, the x and y labels below.
      const dpr = window.devicePixelRatio || 1;
      const room = {left: 56, right: 16, top: 30, bottom: 30};
      const tx = [-1 + 2 * room.left * dpr / w, 1 - 2 * room.right * dpr / w];
      const ty = [-1 + 2 * room.bottom * dpr / h, 1 - 2 * room.top * dpr / h];
      const scale = Math.max(0.05, Math.min((tx[1] - tx[0]) / (ext[1] - ext[0]), (ty[1] - ty[0]) / (ext[3] - ext[2]))) * r.zoom;
      const fit = new Float32Array(16);
      fit[0] = scale;
      fit[5] = scale;
      fit[10] = 1;
      fit[15] = 1;
      fit[12] = (tx[0] + tx[1]) / 2 - scale * (ext[0] + ext[1]) / 2;
      fit[13] = (ty[0] + ty[1]) / 2 - scale * (ext[2] + ext[3]) / 2;
      return {mvp: multiply(fit, raw), eye};
    }

    /** Draws now; for tests and benchmarks as well as the next frame's scheduled draw. */
    render() {
      const started = performance.now();
      const s = this.plot?._surface;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(this.clientWidth * dpr));
      const h = Math.max(1, Math.round(this.clientHeight * dpr));
      for (const c of [this._canvas, this._overlay]) {
        if (c.width !== w || c.height !== h) {
          c.width = w;
          c.height = h;
        }
      }
      const ctx = this._overlay.getContext('2d');
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      if (!s) return;
      if (!this._mesh) this._buildMesh(s);
      const cam = this._camera(w, h);
      const dark = isDark();
      const theme = this._theme(dark);
      if (this._gl) this._drawGl(cam, theme, w, h); else this._draw2d(cam, theme, w, h);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const project = (p) => {
        const m = cam.mvp;
        const cw = m[3] * p[0] + m[7] * p[1] + m[11] * p[2] + m[15];
        return [((m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12]) / cw + 1) / 2 * w / dpr,
          (1 - (m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13]) / cw) / 2 * h / dpr];
      };
      this._drawAxes(ctx, s, project, cam, theme);
      this._drawPaths(ctx, s, project, theme);
      this.renders++;
      this.lastRenderMs = performance.now() - started;
    }

    _theme(dark) {
      const ramp = customElements.get('lr-surface-plot').ramp;
      const rgb = (c) => c.map((v) => v / 255);
      return {
        lo: rgb(ramp(0, dark)), hi: rgb(ramp(1, dark)),
        ink: dark ? [0.79, 0.82, 0.86] : [0.16, 0.2, 0.25],
        text: dark ? '#c9d1dc' : '#2a3441',
        halo: dark ? 'rgba(16,22,34,0.85)' : 'rgba(255,255,255,0.85)',
        mark: dark ? '#fff' : '#111',
      };
    }

    _drawGl(cam, theme, w, h) {
      const gl = this._gl;
      const L = this._loc;
      const b = this._buffers;
      gl.viewport(0, 0, w, h);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
      gl.enable(gl.DEPTH_TEST);
      gl.useProgram(this._program);
      gl.uniformMatrix4fv(L.uMvp, false, cam.mvp);
      gl.uniform3fv(L.uLo, theme.lo);
      gl.uniform3fv(L.uHi, theme.hi);
      gl.uniform3fv(L.uInk, theme.ink);
      const light = [-0.35, -0.55, 0.76];
      gl.uniform3fv(L.uLight, light.map((v) => v / Math.hypot(...light)));
      gl.uniform1f(L.uLines, this._lines ? 1 : 0);
      const attribute = (loc, buffer, size) => {
        gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
        gl.enableVertexAttribArray(loc);
        gl.vertexAttribPointer(loc, size, gl.FLOAT, false, 0, 0);
      };
      gl.uniform1f(L.uFlat, 0);
      attribute(L.aPos, b.pos, 3);
      attribute(L.aNormal, b.normal, 3);
      attribute(L.aT, b.t, 1);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, b.index);
      gl.drawElements(gl.TRIANGLES, this._mesh.index.length, gl.UNSIGNED_SHORT, 0);
      gl.uniform1f(L.uFlat, 1);
      gl.disableVertexAttribArray(L.aNormal);
      gl.disableVertexAttribArray(L.aT);
      attribute(L.aPos, b.frame, 3);
      gl.drawArrays(gl.LINES, 0, 8);
    }

    /** Without WebGL: the mesh's quads on a coarser grid, far ones first. */
    _draw2d(cam, theme, w, h) {
      const ctx = this._canvas.getContext('2d');
      ctx.clearRect(0, 0, w, h);
      const {pos, t, normal, nx, ny} = this._mesh;
      const m = cam.mvp;
      const step = Math.max(1, Math.ceil((nx - 1) / 48));
      const quads = [];
      const px = (k) => {
        const x = pos[k * 3], y = pos[k * 3 + 1], z = pos[k * 3 + 2];
        const cw = m[3] * x + m[7] * y + m[11] * z + m[15];
        return [((m[0] * x + m[4] * y + m[8] * z + m[12]) / cw + 1) / 2 * w, (1 - (m[1] * x + m[5] * y + m[9] * z + m[13]) / cw) / 2 * h, cw];
      };
      for (let j = 0; j + step < ny; j += step) {
        for (let i = 0; i + step < nx; i += step) {
          const ks = [j * nx + i, j * nx + i + step, (j + step) * nx + i + step, (j + step) * nx + i];
          const p = ks.map(px);
          quads.push({p, depth: p.reduce((a, q) => a + q[2], 0), k: ks[0]});
        }
      }
      quads.sort((a, b) => b.depth - a.depth);
      const light = [-0.35, -0.55, 0.76].map((v, _, l) => v / Math.hypot(...l));
      for (const q of quads) {
        const lambert = Math.abs(normal[q.k * 3] * light[0] + normal[q.k * 3 + 1] * light[1] + normal[q.k * 3 + 2] * light[2]);
        const shade = (0.62 + 0.38 * lambert) * 255;
        const c = theme.lo.map((lo, n) => Math.round((lo + (theme.hi[n] - lo) * t[q.k]) * shade));
        ctx.fillStyle = ctx.strokeStyle = `rgb(${c[0]},${c[1]},${c[2]})`;
        ctx.beginPath();
        q.p.forEach(([x, y], n) => (n ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
        ctx.closePath();
        ctx.fill();
        ctx.stroke();
      }
    }

    /** The ranges of x and y along the two floor edges nearest the eye, and the height's at a side corner. */
    _drawAxes(ctx, s, project, cam, theme) {
      const fmt = customElements.get('lr-surface-plot').fmt;
      const {ax, ay} = this._mesh.sc;
      const ex = cam.eye[0] < 0 ? -ax : ax; // the x side nearer the eye carries y's labels
      const ey = cam.eye[1] < 0 ? -ay : ay;
      ctx.font = '12px sans-serif';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const label = (p, text, bold) => {
        const [x, y] = project(p);
        ctx.font = (bold ? '600 ' : '') + '12px sans-serif';
        ctx.lineWidth = 3;
        ctx.strokeStyle = theme.halo;
        ctx.strokeText(text, x, y);
        ctx.fillStyle = theme.text;
        ctx.fillText(text, x, y);
      };
      const out = 1.12;
      label([-ax, ey * out, 0], fmt(s.xMin));
      label([ax, ey * out, 0], fmt(s.xMax));
      label([0, ey * (out + 0.08), 0], s.xName ?? 'x', true);
      label([ex * out, -ay, 0], fmt(s.yMin));
      label([ex * out, ay, 0], fmt(s.yMax));
      label([ex * (out + 0.08), 0, 0], s.yName ?? 'y', true);
      // The height axis stands at the floor corner furthest left on screen.
      const corners = [[-ax, -ay], [ax, -ay], [ax, ay], [-ax, ay]];
      const [cx, cy] = corners.reduce((best, c) => (project([...c, 0])[0] < project([...best, 0])[0] ? c : best));
      const [bx, by] = project([cx, cy, 0]);
      const [tx, ty] = project([cx, cy, HEIGHT]);
      ctx.strokeStyle = theme.text;
      ctx.globalAlpha = 0.45;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(bx, by);
      ctx.lineTo(tx, ty);
      ctx.stroke();
      ctx.globalAlpha = 1;
      ctx.textAlign = 'right';
      ctx.strokeStyle = theme.halo;
      ctx.lineWidth = 3;
      const bottom = this.log ? fmt(Math.pow(10, s.zMin)) : '0';
      for (const [text, x, y] of [[fmt(Math.pow(10, s.zMax)), tx, ty], [bottom, bx, by - 14], // above the x or y label at that corner
        [this.log ? 'f − f* (log)' : 'f − f*', (bx + tx) / 2, (by + ty) / 2]]) {
        ctx.strokeText(text, x - 6, y);
        ctx.fillStyle = theme.text;
        ctx.fillText(text, x - 6, y);
      }
      ctx.textAlign = 'center';
    }

    /** Each shown run's path in its colour, the highlighted one on top, a dot where it is now; the minima; the starts. */
    _drawPaths(ctx, s, project, theme) {
      const plot = this.plot;
      const sc = this._mesh.sc;
      const lift = 0.012;
      const at3 = (x, y, loss) => [sc.x(x), sc.y(y), sc.height(sc.gap(loss)) + lift];
      const inBox = (x, y) => x >= s.xMin && x <= s.xMax && y >= s.yMin && y <= s.yMax;
      for (const m of s.minima) {
        const [x, y] = project([sc.x(m[0]), sc.y(m[1]), sc.height(sc.gap(m[2])) + lift]);
        star(ctx, x, y, 8);
      }
      const runs = plot._runs.map((r, i) => ({r, i})).filter(({r}) => r && !plot._hidden?.has(r.run));
      runs.sort((a, b) => (a.r.run === plot._highlight) - (b.r.run === plot._highlight));
      this.pathPoints = plot._runs.map((r) => (r && !plot._hidden?.has(r.run) ? r.data.length : 0));
      ctx.lineJoin = 'round';
      for (const {r} of runs) {
        const alpha = plot._highlight == null || plot._highlight === r.run ? 1 : 0.2;
        ctx.globalAlpha = alpha;
        ctx.strokeStyle = r.color;
        ctx.lineWidth = 2.5;
        ctx.beginPath();
        let drawing = false;
        let last = null;
        for (const [x, y, , loss] of r.data) {
          if (!inBox(x, y)) {
            drawing = false;
            continue;
          }
          last = project(at3(x, y, loss));
          if (drawing) ctx.lineTo(last[0], last[1]); else ctx.moveTo(last[0], last[1]);
          drawing = true;
        }
        ctx.stroke();
        if (last) {
          ctx.fillStyle = r.color;
          ctx.strokeStyle = '#fff';
          ctx.lineWidth = 2;
          ctx.beginPath();
          if (r.end === 'diverged') {
            ctx.moveTo(last[0] - 6, last[1] - 6);
            ctx.lineTo(last[0] + 6, last[1] + 6);
            ctx.moveTo(last[0] + 6, last[1] - 6);
            ctx.lineTo(last[0] - 6, last[1] + 6);
            ctx.strokeStyle = r.color;
            ctx.lineWidth = 3;
          } else {
            ctx.arc(last[0], last[1], 5.5, 0, 2 * Math.PI);
            ctx.fill();
          }
          ctx.stroke();
        }
      }
      ctx.globalAlpha = 1;
      for (const st of plot._starts) {
        if (!inBox(st.x, st.y)) continue;
        const z = sc.height(this._heightAt(s, st.x, st.y)) + lift;
        const [x, y] = project([sc.x(st.x), sc.y(st.y), z]);
        ctx.beginPath();
        ctx.arc(x, y, 5, 0, 2 * Math.PI);
        ctx.fillStyle = st.color ?? theme.mark;
        ctx.strokeStyle = st.color ? '#fff' : theme.halo;
        ctx.lineWidth = 2;
        ctx.fill();
        ctx.stroke();
      }
    }

    /** The grid's value (log10(f − f* + ε)) at the cell nearest (x, y). */
    _heightAt(s, x, y) {
      const i = Math.round((x - s.xMin) / (s.xMax - s.xMin) * (s.nx - 1));
      const j = Math.round((y - s.yMin) / (s.yMax - s.yMin) * (s.ny - 1));
      return s.z[clamp(j, 0, s.ny - 1) * s.nx + clamp(i, 0, s.nx - 1)];
    }
  }

  /** The name of the GPU (or software renderer) behind a WebGL context, where the browser tells it. */
  function renderer(gl) {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  }

  /** A gold five-pointed star, the contour plot's mark of a minimum. */
  function star(ctx, x, y, r) {
    ctx.beginPath();
    for (let k = 0; k < 10; k++) {
      const a = -Math.PI / 2 + k * Math.PI / 5;
      const rr = k % 2 ? r * 0.45 : r;
      ctx.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
    }
    ctx.closePath();
    ctx.fillStyle = '#ffd400';
    ctx.strokeStyle = '#000';
    ctx.lineWidth = 1;
    ctx.fill();
    ctx.stroke();
  }

  customElements.define('lr-surface-3d', LrSurface3d);
})();
