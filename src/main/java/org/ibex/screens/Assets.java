package org.ibex.screens;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files pages load, all from the jar: a fixed list (nothing else on the class path is reachable), each served
 * under a path that carries its content hash, so browsers keep it for a year and a new jar changes the address.
 */
public final class Assets {
    /** The prefix of every asset path. */
    public static final String PREFIX = "/assets/";
    private static final String OWN = "/org/ibex/screens/assets/";
    private static final String WEBJARS = "/META-INF/resources/webjars/";
    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final Map<String, Asset> byPath = new LinkedHashMap<>();

    /** One served file: its name in pages, its versioned path, its type and bytes. */
    public record Asset(String name, String path, String type, byte[] bytes) {
    }

    public Assets() {
        for (String font : new String[]{"noto-sans-latin-400-normal", "noto-sans-latin-700-normal",
                "noto-sans-latin-ext-400-normal", "noto-sans-arabic-arabic-400-normal",
                "noto-sans-arabic-arabic-700-normal", "noto-sans-thai-thai-400-normal", "noto-sans-thai-thai-700-normal"}) {
            add(font + ".woff2", OWN + "fonts/" + font + ".woff2");
        }
        // After the fonts: the style sheet names them by file name, and here learns their versioned addresses.
        add("ibex.css", OWN + "ibex.css");
        add("ibex.js", OWN + "ibex.js");
        add("htmx.min.js", WEBJARS + "htmx.org/2.0.4/dist/htmx.min.js");
        for (String file : new String[]{"swagger-ui.css", "swagger-ui-bundle.js"}) {
            add(file, WEBJARS + "swagger-ui/5.35.0/" + file);
        }
        // The dashboard's charts and maps (about 1 MB): loaded by that page only, never by an officer's.
        add("echarts.min.js", WEBJARS + "echarts/5.3.1/dist/echarts.min.js");
        // Each area's own behaviour, loaded only by its pages.
        for (String script : new String[]{"api-docs.js", "inspection.js", "arrival.js", "watchlist.js", "analyst.js",
                "analytics.js"}) {
            add(script, OWN + script);
        }
    }

    private void add(String name, String resource) {
        byte[] bytes = read(resource);
        if (name.endsWith(".css")) {
            String css = new String(bytes, StandardCharsets.UTF_8);
            for (Asset known : byName.values()) {
                css = css.replace("url(\"" + known.name() + "\")", "url(\"" + known.path() + "\")");
            }
            bytes = css.getBytes(StandardCharsets.UTF_8);
        }
        String hash = HexFormat.of().formatHex(sha256(bytes), 0, 6);
        Asset asset = new Asset(name, PREFIX + hash + "/" + name, type(name), bytes);
        byName.put(name, asset);
        byPath.put(asset.path(), asset);
    }

    /** The versioned URL of a named asset. */
    public String url(String name) {
        Asset asset = byName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("no asset named " + name);
        }
        return asset.path();
    }

    public Optional<Asset> at(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    void serve(Context ctx) {
        Optional<Asset> asset = at(ctx.path());
        if (asset.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such asset");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(asset.get().type());
        ctx.result(asset.get().bytes());
    }

    private static String type(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".woff2")) {
            return "font/woff2";
        }
        return "application/octet-stream";
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("asset missing from the jar: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
