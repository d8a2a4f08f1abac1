package org.ibex.web;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * Times every request once its answer is written, labelled with the status actually sent. It runs as Javalin's
 * request logger, after exception and error mapping, because a timer stopped inside the handler reads the status
 * before a 403 or 404 is set and counts it as 200. A request no endpoint matched is labelled {@link #UNMATCHED},
 * never with its raw path, so a scanner cannot grow the label set without bound.
 */
final class RequestMetrics {
    /** Context attribute the guard sets to the endpoint's path template once the route matched. */
    static final String ENDPOINT_PATH = "ibex.endpoint-path";
    static final String UNMATCHED = "unmatched";
    private final MeterRegistry metrics;

    RequestMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void record(Context ctx, Float executionMs) {
        String path = ctx.attribute(ENDPOINT_PATH);
        Timer.builder("ibex.http.requests")
                .tag("method", ctx.method().name())
                .tag("path", path == null ? UNMATCHED : path)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(metrics)
                .record(Math.max(0, (long) (executionMs * 1_000_000L)), TimeUnit.NANOSECONDS);
    }
}
