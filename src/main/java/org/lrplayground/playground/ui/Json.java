package org.lrplayground.playground.ui;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON for the chart elements. Charts must never see NaN or ±∞: such values travel as null. */
final class Json {

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** An array of numbers, non-finite ones as null. */
    static ArrayNode numbers(double... values) {
        ArrayNode a = array();
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
        return a;
    }
}
