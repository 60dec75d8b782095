package org.lrplayground.engine.param;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete, validated assignment of values to a method's parameters, in declaration order.
 * Built from user text by {@link #of}, so every value has passed {@link Param#check}. It keeps the
 * run's {@link Param.Context} because some methods need it: schedules with absolute keys such as
 * {@code eta_min} are built relative to the run's lr.
 */
public record Values(Map<String, Double> byName, Param.Context context) {

    public Values {
        byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /**
     * Fills in defaults for missing keys and validates the given ones.
     *
     * @param params  the method's parameters
     * @param given   the user's values by name (already parsed); every key must be declared
     * @param context what computed defaults depend on
     */
    public static Values of(List<Param> params, Map<String, Double> given, Param.Context context) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Param p : params) {
            Double v = given.get(p.name());
            values.put(p.name(), v != null ? p.check(v) : p.defaultValue(context));
        }
        for (String key : given.keySet()) {
            if (!values.containsKey(key)) {
                throw new ValueException("unknown parameter '" + key + "'", params.stream().map(Param::name).toList());
            }
        }
        return new Values(values, context);
    }

    public double get(Param p) {
        Double v = byName.get(p.name());
        if (v == null) {
            throw new IllegalStateException("no value for " + p.name());
        }
        return v;
    }

    public int getInt(Param p) {
        return (int) get(p);
    }

    public boolean getBool(Param p) {
        return get(p) != 0;
    }
}
