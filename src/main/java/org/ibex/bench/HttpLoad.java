package org.ibex.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Benchmark requests through the real HTTP API: log in, then run timed loads and print one line per run. */
public final class HttpLoad {
    private HttpLoad() {
    }

    public static String login(HttpClient http, String base, String user, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int start = body.indexOf("\"token\":\"") + 9;
        return body.substring(start, body.indexOf('"', start));
    }

    /** One measured run: percentiles in milliseconds and requests per second. */
    public record Result(double p50, double p99, double perSecond) {
    }

    public static Result run(HttpClient http, String label, IntFunction<HttpRequest> requests, int total, int clients,
                              boolean print) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        LoadRun.Result run = LoadRun.run(label, total, clients, i -> {
            if (http.send(requests.apply(i), HttpResponse.BodyHandlers.ofString()).statusCode() >= 300) {
                failures.incrementAndGet();
            }
        });
        Result result = new Result(run.p50(), run.p99(), run.perSecond());
        if (print) {
            System.out.printf("%-36s %6d requests  p50 %7.2f ms  p99 %7.2f ms  %7.0f/s  failures %d%n", label, total,
                    result.p50, result.p99, result.perSecond, failures.get());
        }
        if (failures.get() > 0 && print) {
            throw new IllegalStateException(label + ": " + failures.get() + " requests failed");
        }
        return result;
    }
}
