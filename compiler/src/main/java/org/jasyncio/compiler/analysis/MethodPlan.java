package org.jasyncio.compiler.analysis;

import java.util.List;

/**
 * Everything code generation needs to know about one {@code @Async} method: its suspension points in
 * code order, and the fields its frame class needs to carry their values.
 *
 * @param points the suspension points; point {@code i} has state {@code i + 1}
 * @param fields the spill fields, shared between points (each point uses a subset)
 */
public record MethodPlan(List<SuspensionPoint> points, List<SpillField> fields) {

    public MethodPlan {
        points = List.copyOf(points);
        fields = List.copyOf(fields);
    }
}
