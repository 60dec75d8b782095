package org.lrplayground.engine.surface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the local minima of a surface inside a box: the local minima of a 101 × 101 grid are
 * the candidates; the best {@value #CANDIDATES} are polished with Levenberg–Marquardt steps
 * (Newton's method on the exact gradient, the Hessian from central differences of it, damped
 * towards gradient descent whenever a step fails to lower f), then deduplicated, kept if inside
 * the box and still a minimum under small probes, and sorted by value.
 */
final class MinimumSearch {

    private static final int GRID = 100;
    private static final int CANDIDATES = 32;
    private static final int ITERATIONS = 200;

    private final Surface.Sampler f;
    private final Box box;
    private final double diagonal;
    private final double[] g = new double[2];
    private final double[] g1 = new double[2];
    private final double[] g2 = new double[2];

    private MinimumSearch(Surface.Sampler f, Box box) {
        this.f = f;
        this.box = box;
        this.diagonal = Math.hypot(box.width(), box.height());
    }

    /** The minima of {@code f} inside {@code box}, best first; empty when none is interior. */
    static List<Minimum> find(Surface.Sampler f, Box box) {
        return new MinimumSearch(f, box).find();
    }

    private List<Minimum> find() {
        List<Minimum> found = new ArrayList<>();
        for (Minimum candidate : candidates()) {
            Minimum m = polish(candidate.at().x(), candidate.at().y());
            if (m != null && box.contains(m.at().x(), m.at().y()) && isMinimum(m)
                    && found.stream().noneMatch(o -> o.at().distanceTo(m.at()) < 1e-5 * diagonal)) {
                found.add(m);
            }
        }
        found.sort(Comparator.comparingDouble(Minimum::value));
        return List.copyOf(found);
    }

    /** Grid points whose finite value is not above any finite neighbour's, best first. */
    private List<Minimum> candidates() {
        double[][] v = new double[GRID + 1][GRID + 1];
        for (int i = 0; i <= GRID; i++) {
            for (int j = 0; j <= GRID; j++) {
                v[i][j] = value(x(i), y(j));
            }
        }
        List<Minimum> candidates = new ArrayList<>();
        for (int i = 0; i <= GRID; i++) {
            for (int j = 0; j <= GRID; j++) {
                if (Double.isFinite(v[i][j]) && notAboveNeighbours(v, i, j)) {
                    candidates.add(new Minimum(x(i), y(j), v[i][j]));
                }
            }
        }
        return candidates.stream().sorted(Comparator.comparingDouble(Minimum::value)).limit(CANDIDATES).toList();
    }

    private static boolean notAboveNeighbours(double[][] v, int i, int j) {
        for (int a = Math.max(0, i - 1); a <= Math.min(GRID, i + 1); a++) {
            for (int b = Math.max(0, j - 1); b <= Math.min(GRID, j + 1); b++) {
                if (v[a][b] < v[i][j]) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Levenberg–Marquardt from (x, y): solve (H + λI) d = −∇f; accept d if it lowers f (and try
     * a smaller λ next), else raise λ. Stops where no step lowers f any more or the gradient is
     * not finite (a kink or the edge of the domain); returns null when the iterate runs away.
     */
    private Minimum polish(double x, double y) {
        double fx = value(x, y);
        double lambda = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            f.sample(x, y, g);
            double gx = g[0];
            double gy = g[1];
            if (!Double.isFinite(gx) || !Double.isFinite(gy) || (gx == 0 && gy == 0)) {
                break;
            }
            double h = 1e-6 * diagonal;
            f.sample(x + h, y, g1);
            f.sample(x - h, y, g2);
            double hxx = (g1[0] - g2[0]) / (2 * h);
            double hyx = (g1[1] - g2[1]) / (2 * h);
            f.sample(x, y + h, g1);
            f.sample(x, y - h, g2);
            double hyy = (g1[1] - g2[1]) / (2 * h);
            double hxy = 0.5 * (hyx + (g1[0] - g2[0]) / (2 * h));
            if (!(Double.isFinite(hxx) && Double.isFinite(hxy) && Double.isFinite(hyy))) {
                hxx = hxy = hyy = 0; // no curvature known: damped gradient steps
            }
            // with λ at this floor a pure gradient step is at most one box diagonal long
            double floor = 1e-9 * (Math.abs(hxx) + Math.abs(hyy)) + Math.hypot(gx, gy) / diagonal;
            boolean moved = false;
            while (!moved) {
                double a = hxx + lambda;
                double c = hyy + lambda;
                double det = a * c - hxy * hxy;
                if (a > 0 && det > 0) {
                    double dx = -(c * gx - hxy * gy) / det;
                    double dy = -(a * gy - hxy * gx) / det;
                    boolean negligible = Math.abs(dx) <= 1e-15 * (Math.abs(x) + diagonal)
                            && Math.abs(dy) <= 1e-15 * (Math.abs(y) + diagonal);
                    if (negligible || !Double.isFinite(dx + dy)) {
                        return new Minimum(x, y, fx); // no smaller step can lower f any more
                    }
                    double next = value(x + dx, y + dy);
                    if (next < fx) {
                        x += dx;
                        y += dy;
                        fx = next;
                        lambda /= 10;
                        moved = true;
                        continue;
                    }
                }
                lambda = Math.max(10 * lambda, floor);
            }
            if (Math.abs(x - (box.xMin() + box.xMax()) / 2) > box.width()
                    || Math.abs(y - (box.yMin() + box.yMax()) / 2) > box.height()) {
                return null;
            }
        }
        return new Minimum(x, y, fx);
    }

    /**
     * Not lower anywhere on a small circle around it (rules out saddles the polish stopped at), nor
     * a tiny step downhill: next to a pole (1/x just left of 0) the circle reaches across the pole to
     * higher values, but the gradient is huge and a step of 1e-9 box diagonals along it falls.
     */
    private boolean isMinimum(Minimum m) {
        double r = 1e-4 * diagonal;
        double tolerance = 1e-12 * (1 + Math.abs(m.value()));
        f.sample(m.at().x(), m.at().y(), g);
        double norm = Math.hypot(g[0], g[1]);
        if (norm > 0 && Double.isFinite(norm)) {
            double e = 1e-9 * diagonal / norm;
            if (value(m.at().x() - e * g[0], m.at().y() - e * g[1]) < m.value() - tolerance) {
                return false;
            }
        }
        for (int k = 0; k < 8; k++) {
            double angle = k * Math.PI / 4;
            if (value(m.at().x() + r * Math.cos(angle), m.at().y() + r * Math.sin(angle)) < m.value() - tolerance) {
                return false;
            }
        }
        return true;
    }

    private double value(double x, double y) {
        return f.sample(x, y, g);
    }

    private double x(int i) {
        return box.xMin() + box.width() * i / GRID;
    }

    private double y(int j) {
        return box.yMin() + box.height() * j / GRID;
    }
}
