/*
 * The 3-D view's geometry and what it draws on 2-D canvases, for lr-surface-3d.js: the scene (the
 * box's larger side spans −1…1, the height 0…HEIGHT), the mesh of the plot's grid, the camera;
 * over the mesh the box's labels, the runs' paths, the minima and the starts; and the mesh itself
 * where WebGL is missing.
 */
window.lrSurface3dScene ??= (() => {
  /** Height of the box over its larger side's half-width, in scene units. */
  const HEIGHT = 0.8;
  /** The camera's vertical field of view. */
  const FOV = 32 * Math.PI / 180;
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

  /** Scene coordinates: the box's larger side spans −1…1, keeping its aspect; height 0…HEIGHT. */
  function scene(s, log) {
    const half = Math.max(s.xMax - s.xMin, s.yMax - s.yMin) / 2;
    const cx = (s.xMin + s.xMax) / 2;
    const cy = (s.yMin + s.yMax) / 2;
    const peak = Math.pow(10, s.zMax);
    // z is log10(f − f* + ε): the log height is its colour-scale position, the plain one f − f* over its largest value.
    const height = log
        ? (z) => HEIGHT * clamp((z - s.zMin) / (s.zMax - s.zMin || 1), 0, 1)
        : (z) => HEIGHT * clamp(Math.pow(10, z) / peak, 0, 1);
    const gap = (loss) => Math.log10(Math.max(loss - s.fStar, 0) + s.floor);
    return {x: (x) => (x - cx) / half, y: (y) => (y - cy) / half, height, gap, top: HEIGHT,
      ax: (s.xMax - s.xMin) / 2 / half, ay: (s.yMax - s.yMin) / 2 / half};
  }

  /**
   * The grid as a mesh in scene coordinates: positions, normals, colour-scale positions t (0…1),
   * two triangles per cell, and the floor's frame as line segments.
   */
  function mesh(s, log) {
    const sc = scene(s, log);
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
    return {sc, pos, t, normal, index, frame, nx, ny};
  }

  /**
   * The camera's matrix for a w × h picture (device pixels, dpr of them to a CSS pixel) turned by
   * r = {yaw, pitch, zoom}, and the eye's position. The picture is then scaled and moved to fit
   * the cylinder round the box into the room left by the labels and buttons: that cylinder looks
   * the same from every side, so turning never changes the size.
   */
  function camera(r, sc, w, h, dpr) {
    const d = 4.5;
    const c = [0, 0, sc.top / 2];
    const eye = [d * Math.cos(r.pitch) * Math.cos(r.yaw), d * Math.cos(r.pitch) * Math.sin(r.yaw), c[2] + d * Math.sin(r.pitch)];
    const raw = multiply(perspective(FOV, w / h, 0.05, d + 10), lookAt(eye, c, [0, 0, 1]));
    const {ax, ay} = sc;
    const radius = Math.hypot(ax, ay);
    const ext = [Infinity, -Infinity, Infinity, -Infinity];
    for (let k = 0; k < 48; k++) {
      const a = k * Math.PI / 24;
      for (const z of [0, sc.top]) {
        const [px, py] = project(raw, [radius * Math.cos(a), radius * Math.sin(a), z], w, h);
        const x = px / w * 2 - 1;
        const y = 1 - py / h * 2;
        ext[0] = Math.min(ext[0], x);
        ext[1] = Math.max(ext[1], x);
        ext[2] = Math.min(ext[2], y);
        ext[3] = Math.max(ext[3], y);
      }
    }
    // Room in CSS pixels: the height's labels on the left, the buttons above, the x and y labels below.
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

  /** Paths and markers float this far above the surface, so that the mesh never covers them. */
  const LIFT = 0.012;

  /** Scene point p through the column-major matrix m to a w × h picture: [x, y, clip w] (w: the depth). */
  function project(m, p, w, h) {
    const cw = m[3] * p[0] + m[7] * p[1] + m[11] * p[2] + m[15];
    return [((m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12]) / cw + 1) / 2 * w,
      (1 - (m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13]) / cw) / 2 * h, cw];
  }

  /** Text with a halo of the background round it, readable over the mesh in either theme. */
  function text(ctx, theme, words, x, y, bold) {
    ctx.font = (bold ? '600 ' : '') + '12px sans-serif';
    ctx.lineWidth = 3;
    ctx.strokeStyle = theme.halo;
    ctx.strokeText(words, x, y);
    ctx.fillStyle = theme.text;
    ctx.fillText(words, x, y);
  }

  /** Without WebGL: the mesh's quads on a grid of at most 48² cells, far ones first (painter's order). */
  function drawMesh(ctx, mesh, mvp, theme, w, h) {
    ctx.clearRect(0, 0, w, h);
    const {pos, t, normal, nx, ny} = mesh;
    const step = Math.max(1, Math.ceil((nx - 1) / 48));
    const quads = [];
    const at = (k) => project(mvp, [pos[k * 3], pos[k * 3 + 1], pos[k * 3 + 2]], w, h);
    for (let j = 0; j + step < ny; j += step) {
      for (let i = 0; i + step < nx; i += step) {
        const p = [j * nx + i, j * nx + i + step, (j + step) * nx + i + step, (j + step) * nx + i].map(at);
        quads.push({p, depth: p.reduce((a, q) => a + q[2], 0), k: j * nx + i});
      }
    }
    quads.sort((a, b) => b.depth - a.depth);
    for (const q of quads) {
      const l = theme.light;
      const lambert = Math.abs(normal[q.k * 3] * l[0] + normal[q.k * 3 + 1] * l[1] + normal[q.k * 3 + 2] * l[2]);
      const shade = (0.62 + 0.38 * lambert) * 255; // as the WebGL shader shades
      const c = theme.lo.map((lo, n) => Math.round((lo + (theme.hi[n] - lo) * t[q.k]) * shade));
      ctx.fillStyle = ctx.strokeStyle = `rgb(${c[0]},${c[1]},${c[2]})`;
      ctx.beginPath();
      q.p.forEach(([x, y], n) => (n ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
      ctx.closePath();
      ctx.fill();
      ctx.stroke(); // closes the hairline gaps between neighbouring quads
    }
  }

  /**
   * The ranges of x and y along the floor edges nearest the eye, and the height's range on the
   * vertical edge at the floor corner furthest left on screen. at(p) gives p's place in CSS pixels.
   */
  function drawAxes(ctx, view, at, eye, theme) {
    const s = view.plot._surface;
    const fmt = customElements.get('lr-surface-plot').fmt;
    const {ax, ay, top} = view._mesh.sc;
    const ex = eye[0] < 0 ? -ax : ax; // the x side nearer the eye carries y's labels
    const ey = eye[1] < 0 ? -ay : ay;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const label = (p, words, bold) => text(ctx, theme, words, ...at(p).slice(0, 2), bold);
    const out = 1.12;
    label([-ax, ey * out, 0], fmt(s.xMin));
    label([ax, ey * out, 0], fmt(s.xMax));
    label([0, ey * (out + 0.08), 0], s.xName ?? 'x', true);
    label([ex * out, -ay, 0], fmt(s.yMin));
    label([ex * out, ay, 0], fmt(s.yMax));
    label([ex * (out + 0.08), 0, 0], s.yName ?? 'y', true);
    const corners = [[-ax, -ay], [ax, -ay], [ax, ay], [-ax, ay]];
    const [cx, cy] = corners.reduce((best, c) => (at([...c, 0])[0] < at([...best, 0])[0] ? c : best));
    const [bx, by] = at([cx, cy, 0]);
    const [tx, ty] = at([cx, cy, top]);
    ctx.strokeStyle = theme.text;
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(bx, by);
    ctx.lineTo(tx, ty);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.textAlign = 'right';
    text(ctx, theme, fmt(Math.pow(10, s.zMax)), tx - 6, ty);
    text(ctx, theme, view.log ? fmt(Math.pow(10, s.zMin)) : '0', bx - 6, by - 14); // above the floor's label there
    text(ctx, theme, view.log ? 'f − f* (log)' : 'f − f*', (bx + tx) / 2 - 6, (by + ty) / 2, true);
    ctx.textAlign = 'center';
  }

  /**
   * The minima as gold stars, each shown run's path in its colour (the highlighted one on top, the
   * others faint) ending in a dot where it is now (a cross where it diverged), then the starts.
   * Returns the number of points drawn per run.
   */
  function drawPaths(ctx, view, at, theme) {
    const plot = view.plot;
    const s = plot._surface;
    const sc = view._mesh.sc;
    const inBox = (x, y) => x >= s.xMin && x <= s.xMax && y >= s.yMin && y <= s.yMax;
    for (const m of s.minima) {
      const [x, y] = at([sc.x(m[0]), sc.y(m[1]), sc.height(sc.gap(m[2])) + LIFT]);
      star(ctx, x, y, 8);
    }
    const shown = plot._runs.filter((r) => r && !plot._hidden?.has(r.run));
    shown.sort((a, b) => (a.run === plot._highlight) - (b.run === plot._highlight));
    ctx.lineJoin = 'round';
    for (const r of shown) {
      ctx.globalAlpha = plot._highlight == null || plot._highlight === r.run ? 1 : 0.2;
      ctx.strokeStyle = r.color;
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      let drawing = false;
      let last = null;
      for (const [x, y, , loss] of r.data) {
        if (!inBox(x, y)) { // the box's edge cuts a path that leaves it
          drawing = false;
          continue;
        }
        last = at([sc.x(x), sc.y(y), sc.height(sc.gap(loss)) + LIFT]);
        if (drawing) ctx.lineTo(last[0], last[1]); else ctx.moveTo(last[0], last[1]);
        drawing = true;
      }
      ctx.stroke();
      if (last) head(ctx, r, last);
    }
    ctx.globalAlpha = 1;
    for (const st of plot._starts) {
      if (!inBox(st.x, st.y)) continue;
      const [x, y] = at([sc.x(st.x), sc.y(st.y), sc.height(valueAt(s, st.x, st.y)) + LIFT]);
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, 2 * Math.PI);
      ctx.fillStyle = st.color ?? theme.mark;
      ctx.strokeStyle = st.color ? '#fff' : theme.halo;
      ctx.lineWidth = 2;
      ctx.fill();
      ctx.stroke();
    }
    return plot._runs.map((r) => (r && !plot._hidden?.has(r.run) ? r.data.length : 0));
  }

  /** Where a run is now: a dot in its colour, or a cross where it diverged (the contour plot's marks). */
  function head(ctx, run, [x, y]) {
    ctx.beginPath();
    if (run.end === 'diverged') {
      ctx.moveTo(x - 6, y - 6);
      ctx.lineTo(x + 6, y + 6);
      ctx.moveTo(x + 6, y - 6);
      ctx.lineTo(x - 6, y + 6);
      ctx.strokeStyle = run.color;
      ctx.lineWidth = 3;
    } else {
      ctx.arc(x, y, 5.5, 0, 2 * Math.PI);
      ctx.fillStyle = run.color;
      ctx.fill();
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 2;
    }
    ctx.stroke();
  }

  /** The grid's value, log10(f − f* + ε), at the grid point nearest (x, y). */
  function valueAt(s, x, y) {
    const i = Math.round((x - s.xMin) / (s.xMax - s.xMin) * (s.nx - 1));
    const j = Math.round((y - s.yMin) / (s.yMax - s.yMin) * (s.ny - 1));
    return s.z[clamp(j, 0, s.ny - 1) * s.nx + clamp(i, 0, s.nx - 1)];
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

  return {mesh, camera, project, drawMesh, drawAxes, drawPaths};
})();
