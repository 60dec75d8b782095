package org.lrplayground.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lrplayground.app.Heartbeat;
import org.lrplayground.app.WorkBudget;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.analysis.Restarts;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.link.PageLink;
import org.lrplayground.playground.BasinsService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analyses of one run: a scene in the run format with exactly one run, and the analysis's own
 * whole number. The whole query is checked and the work costed before anything is computed, so bad
 * input or a cost above the budget gets a clean 400 from {@link ApiErrors}, a full pool a 503;
 * numbers that are not finite are null. While a dear analysis computes, the answer's first bytes
 * are spaces ({@link Heartbeat}), which find out whether the client is still there.
 *
 * <p>{@code GET /api/basins?<scene>&grid=<n>}: the basins of the run over an n × n grid of starts ({@link Basins}):
 * <pre>
 * {"grid": n, "minima": [{"x", "y", "share"}],
 *  "cells": [{"x0", "y0", "minimum", "status", "steps", "finalLoss"}]}   (row by row from the lower left, x fastest)
 * </pre>
 * {@code minimum} is an index into {@code minima}, −1 for none.
 *
 * <p>{@code GET /api/restarts?<scene>&n=<N>}: best of 1 … N random starts against 1 … N cycles of warm
 * restarts ({@link Restarts}):
 * <pre>
 * {"samples": 1024, "tries": [{"n", "randomStarts", "randomStarts90", "globalChance", "warmRestarts"}]}
 * </pre>
 */
@RestController
public class AnalysisController {

    static final String RUN = "run";

    private final BasinsService analyses;
    private final WorkBudget budget;
    private final JsonMapper json;

    public AnalysisController(BasinsService analyses, WorkBudget budget, JsonMapper json) {
        this.analyses = analyses;
        this.budget = budget;
        this.json = json;
    }

    @GetMapping("/api/basins")
    public void basins(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> params = params(request);
        int grid = QueryKeys.integer(Basins.GRID, params.remove(Basins.GRID.name()), true);
        Basins basins = budget.await(analyses.of(oneRun(params, "basins"), 0, grid), Heartbeat.clientGone(response));
        answer(response, g -> write(g, basins));
    }

    @GetMapping("/api/restarts")
    public void restarts(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> params = params(request);
        int n = QueryKeys.integer(Restarts.TRIES, params.remove(Restarts.TRIES.name()), true);
        List<Restarts.Tries> tries = budget.await(analyses.restarts(oneRun(params, "restarts"), 0, n),
                Heartbeat.clientGone(response));
        answer(response, g -> {
            g.writeStartObject();
            g.writeNumberProperty("samples", Restarts.SAMPLES);
            g.writeArrayPropertyStart("tries");
            for (Restarts.Tries t : tries) {
                g.writeStartObject();
                g.writeNumberProperty("n", t.n());
                number(g, "randomStarts", t.randomStarts());
                number(g, "randomStarts90", t.randomStarts90());
                number(g, "globalChance", t.globalChance());
                number(g, "warmRestarts", t.warmRestarts());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static Map<String, List<String>> params(HttpServletRequest request) {
        return RunFormat.decode(request.getQueryString() == null ? "" : request.getQueryString());
    }

    /** The scene, which must have exactly one run; {@code what} names the analysis in the message. */
    private static RunSpec oneRun(Map<String, List<String>> params, String what) {
        List<String> runs = params.getOrDefault(RUN, List.of());
        if (runs.size() != 1) {
            throw new FormatException(RUN, what + " are computed for one run, and this query has " + runs.size(),
                    List.of("exactly one run=<optimizer>:<key>=<value>,…"));
        }
        return PageLink.spec(params);
    }

    private void answer(HttpServletResponse response, Consumer<JsonGenerator> body) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
            body.accept(g);
        }
    }

    private static void write(JsonGenerator g, Basins basins) {
        g.writeStartObject();
        g.writeNumberProperty("grid", basins.grid());
        g.writeArrayPropertyStart("minima");
        for (Basins.Basin b : basins.minima()) {
            g.writeStartObject();
            number(g, "x", b.at().x());
            number(g, "y", b.at().y());
            number(g, "share", b.share());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("cells");
        for (Basins.Cell c : basins.cells()) {
            g.writeStartObject();
            number(g, "x0", c.x0());
            number(g, "y0", c.y0());
            g.writeNumberProperty("minimum", c.minimum());
            g.writeStringProperty("status", c.status().id());
            g.writeNumberProperty("steps", c.steps());
            number(g, "finalLoss", c.finalLoss());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, double value) {
        g.writeName(name);
        RunJson.number(g, value);
    }
}
