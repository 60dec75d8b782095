package org.lrplayground.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.lrplayground.engine.analysis.Basins;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.link.PageLink;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The basins API: a scene in the run format with exactly one run, and {@code grid=<n>}, answered
 * with the basins of that run over an n × n grid of starts ({@link Basins}):
 *
 * <pre>
 * {"grid": n, "minima": [{"x", "y", "share"}],
 *  "cells": [{"x0", "y0", "minimum", "status", "steps", "finalLoss"}]}   (row by row from the lower left, x fastest)
 * </pre>
 * {@code minimum} is an index into {@code minima}, −1 for none; numbers that are not finite are
 * null. The whole query is checked before anything is computed, so bad input gets a clean 400 from
 * {@link ApiErrors}.
 */
@RestController
public class BasinsController {

    static final String RUN = "run";

    private final JsonMapper json;

    public BasinsController(JsonMapper json) {
        this.json = json;
    }

    @GetMapping("/api/basins")
    public void basins(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, List<String>> params = RunFormat.decode(request.getQueryString() == null ? "" : request.getQueryString());
        int grid = QueryKeys.integer(Basins.GRID, params.remove(Basins.GRID.name()), true);
        List<String> runs = params.getOrDefault(RUN, List.of());
        if (runs.size() != 1) {
            throw new FormatException(RUN, "basins are computed for one run, and this query has " + runs.size(),
                    List.of("exactly one run=<optimizer>:<key>=<value>,…"));
        }
        RunSpec scene = PageLink.spec(params);
        Basins basins = Basins.of(scene, 0, grid);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
            write(g, basins);
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
