/*
 * <lr-surface-3d>: the loss surface as a rotatable 3-D mesh with the runs' paths on it, drawn in
 * place of an <lr-surface-plot>'s contour plot and from that plot's own data (its surface grid,
 * runs, starts, hidden and highlighted runs): nothing is computed or sent twice. WebGL draws the
 * mesh (a 2-D canvas stands in where WebGL is missing); a 2-D canvas over it draws the paths, the
 * markers and the labels, so that a path is never buried in the surface it runs on. The geometry
 * and the 2-D drawing are in lr-surface-3d-scene.js.
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

  /** Contour levels on the mesh: the contour plot's. */
  const LEVELS = 14;
  const HOME = {yaw: -62 * Math.PI / 180, pitch: 32 * Math.PI / 180, zoom: 1};
  const PITCH_MIN = 4 * Math.PI / 180;
  const PITCH_MAX = 89 * Math.PI / 180;
  const ZOOM_MIN = 0.5;
  const ZOOM_MAX = 6;
  /** Where the light comes from (a unit vector): the left front, high. */
  const LIGHT = [-0.35, -0.55, 0.76].map((v, _, l) => v / Math.hypot(...l));
  /** The scene's geometry and 2-D drawing (lr-surface-3d-scene.js), which may load after this file. */
  const scene = () => window.lrSurface3dScene;

  const isDark = () => document.documentElement.getAttribute('theme')?.includes('dark') ?? false;

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

    /** The picture as the page shows it, on the given background, as a PNG data URL; null before it is drawn. */
    pngDataUrl(background) {
      if (!this.renders) return null;
      this.render(); // the WebGL canvas holds its last frame, but a frame drawn now matches the overlay for sure
      const out = document.createElement('canvas');
      out.width = this._canvas.width;
      out.height = this._canvas.height;
      const ctx = out.getContext('2d');
      ctx.fillStyle = background;
      ctx.fillRect(0, 0, out.width, out.height);
      ctx.drawImage(this._canvas, 0, 0);
      ctx.drawImage(this._overlay, 0, 0);
      return out.toDataURL('image/png');
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
        pitch: Math.min(PITCH_MAX, Math.max(PITCH_MIN, r.pitch + dPitch)),
        zoom: Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, r.zoom * zoom)),
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
      // Not shown (its own switch, or a hidden plot): nothing to draw; the resize that shows it asks again.
      const shown = () => !this.hidden && this.offsetParent !== null;
      if (this._pending || !shown()) return;
      this._pending = true;
      requestAnimationFrame(() => {
        this._pending = false;
        if (shown()) this.render();
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

    /** The mesh of the plot's grid (see the scene file's mesh), handed to WebGL once per surface and height scale. */
    _buildMesh(s) {
      const mesh = scene().mesh(s, this.log);
      const {pos, t, normal, index, frame} = mesh;
      this.triangles = index.length / 3;
      this._mesh = mesh;
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
      if (!scene()) {
        requestAnimationFrame(() => this.changed());
        return;
      }
      if (!this._mesh) this._buildMesh(s);
      const cam = scene().camera(this.rotation, this._mesh.sc, w, h, dpr);
      const dark = isDark();
      const theme = this._theme(dark);
      if (this._gl) this._drawGl(cam, theme, w, h); else scene().drawMesh(this._canvas.getContext('2d'), this._mesh, cam.mvp, theme, w, h);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const at = (p) => scene().project(cam.mvp, p, w / dpr, h / dpr);
      scene().drawAxes(ctx, this, at, cam.eye, theme);
      this.pathPoints = scene().drawPaths(ctx, this, at, theme);
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
        light: LIGHT,
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
      gl.uniform3fv(L.uLight, theme.light);
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
  }

  /** The name of the GPU (or software renderer) behind a WebGL context, where the browser tells it. */
  function renderer(gl) {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  }

  customElements.define('lr-surface-3d', LrSurface3d);
})();
