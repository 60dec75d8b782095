package org.lrplayground.ui;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON for the chart elements. Charts must never see NaN or ±∞: such values travel as null. */
public final class Json {

    private Json() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /**
     * An array of numbers, non-finite ones as null. Values travel with float precision where a
     * float holds them (seven digits are plenty on a chart), which halves what long runs send.
     */
    public static ArrayNode numbers(double... values) {
        ArrayNode a = array();
        for (double v : values) {
            float f = (float) v;
            if (!Double.isFinite(v)) {
                a.addNull();
            } else if (v == 0 || (Float.isFinite(f) && Math.abs(f) >= Float.MIN_NORMAL)) {
                a.add(f);
            } else {
                a.add(v);
            }
        }
        return a;
    }

    public static ArrayNode integers(int... values) {
        ArrayNode a = array();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }
}
