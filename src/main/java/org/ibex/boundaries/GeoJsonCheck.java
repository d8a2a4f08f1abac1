package org.ibex.boundaries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a GeoJSON upload against what the maps can draw and rewrites it with only what they use (type, pcode,
 * name, geometry), so nothing else an upload carries is ever stored or served back. Sizes are bounded before the
 * bytes are parsed; every refusal names the feature by index and the field.
 */
final class GeoJsonCheck {
    private static final Pattern PCODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NAME_MAX = 200;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Limits limits;

    /** The bounds of one upload. */
    record Limits(int maxBytes, int maxFeatures, int maxPoints) {
    }

    /** A checked upload: its areas in order, its point count and the rewritten GeoJSON. */
    record Checked(List<Area> areas, int points, byte[] geoJson) {
    }

    GeoJsonCheck(Limits limits) {
        this.limits = limits;
    }

    Checked check(String setName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new BoundaryException("body", "required", "a GeoJSON FeatureCollection is required");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new BoundaryException("body", "size", "the file has " + bytes.length + " bytes; boundaries take at most "
                    + limits.maxBytes() + " bytes: simplify the shapes (e.g. mapshaper -simplify 10%)");
        }
        JsonNode root = parse(bytes);
        if (!root.isObject() || !"FeatureCollection".equals(text(root.get("type")))) {
            throw new BoundaryException("type", "feature-collection", "the file must be a GeoJSON object with"
                    + " \"type\": \"FeatureCollection\"");
        }
        JsonNode features = root.get("features");
        if (features == null || !features.isArray() || features.isEmpty()) {
            throw new BoundaryException("features", "required", "features must be a non-empty array of Feature objects");
        }
        if (features.size() > limits.maxFeatures()) {
            throw new BoundaryException("features", "max-features", "the file has " + features.size()
                    + " features; at most " + limits.maxFeatures() + " are taken");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        List<Area> areas = new ArrayList<>();
        Set<String> pcodes = new HashSet<>();
        int[] points = {0};
        for (int i = 0; i < features.size(); i++) {
            Area area = feature(i, features.get(i), out, points);
            if (!pcodes.add(area.pcode())) {
                throw new BoundaryException(at(i, "properties.pcode"), "unique", "feature " + i + ": pcode '"
                        + area.pcode() + "' is used by an earlier feature; each area needs its own p-code");
            }
            areas.add(area);
        }
        ObjectNode collection = JsonNodeFactory.instance.objectNode();
        collection.put("type", "FeatureCollection");
        collection.put("name", setName);
        collection.set("features", out);
        try {
            return new Checked(List.copyOf(areas), points[0], mapper.writeValueAsBytes(collection));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Area feature(int i, JsonNode feature, ArrayNode out, int[] points) {
        if (feature == null || !feature.isObject() || !"Feature".equals(text(feature.get("type")))) {
            throw new BoundaryException(at(i, "type"), "feature", "feature " + i + ": must be an object with"
                    + " \"type\": \"Feature\"");
        }
        JsonNode properties = feature.get("properties");
        if (properties == null || !properties.isObject()) {
            throw new BoundaryException(at(i, "properties"), "required", "feature " + i
                    + ": properties with pcode and name are required");
        }
        String pcode = text(properties.get("pcode"));
        if (pcode == null || !PCODE.matcher(pcode).matches()) {
            throw new BoundaryException(at(i, "properties.pcode"), "format", "feature " + i + ": properties.pcode"
                    + " must be 1 to 32 letters, digits, '-' or '_' (got " + shown(properties.get("pcode")) + ")");
        }
        String name = text(properties.get("name"));
        if (name == null || name.isBlank() || name.length() > NAME_MAX) {
            throw new BoundaryException(at(i, "properties.name"), "format", "feature " + i + ": properties.name"
                    + " must be a text of 1 to " + NAME_MAX + " characters (got " + shown(properties.get("name")) + ")");
        }
        JsonNode geometry = feature.get("geometry");
        String type = geometry == null ? null : text(geometry.get("type"));
        if (!"Polygon".equals(type) && !"MultiPolygon".equals(type)) {
            throw new BoundaryException(at(i, "geometry.type"), "polygon", "feature " + i
                    + ": geometry.type must be Polygon or MultiPolygon (got " + shown(geometry == null ? null
                    : geometry.get("type")) + ")");
        }
        JsonNode coordinates = geometry.get("coordinates");
        String field = at(i, "geometry.coordinates");
        ArrayNode copied = "Polygon".equals(type) ? polygon(i, field, coordinates, points)
                : multiPolygon(i, field, coordinates, points);
        ObjectNode f = out.addObject();
        f.put("type", "Feature");
        ObjectNode props = f.putObject("properties");
        props.put("pcode", pcode);
        props.put("name", name.strip());
        ObjectNode g = f.putObject("geometry");
        g.put("type", type);
        g.set("coordinates", copied);
        return new Area(pcode, name.strip());
    }

    private ArrayNode multiPolygon(int i, String field, JsonNode polygons, int[] points) {
        if (polygons == null || !polygons.isArray() || polygons.isEmpty()) {
            throw new BoundaryException(field, "shape", "feature " + i + ": " + field
                    + " must be a non-empty array of polygons");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int p = 0; p < polygons.size(); p++) {
            out.add(polygon(i, field + "[" + p + "]", polygons.get(p), points));
        }
        return out;
    }

    private ArrayNode polygon(int i, String field, JsonNode rings, int[] points) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new BoundaryException(field, "shape", "feature " + i + ": " + field
                    + " must be a non-empty array of linear rings");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int r = 0; r < rings.size(); r++) {
            out.add(ring(i, field + "[" + r + "]", rings.get(r), points));
        }
        return out;
    }

    private ArrayNode ring(int i, String field, JsonNode ring, int[] points) {
        if (ring == null || !ring.isArray() || ring.size() < 4) {
            throw new BoundaryException(field, "ring", "feature " + i + ": " + field
                    + " must be a ring of at least 4 positions, the last equal to the first");
        }
        points[0] += ring.size();
        if (points[0] > limits.maxPoints()) {
            throw new BoundaryException(field, "max-points", "feature " + i + ": the file has more than "
                    + limits.maxPoints() + " points; simplify the shapes");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (int k = 0; k < ring.size(); k++) {
            out.add(position(i, field + "[" + k + "]", ring.get(k)));
        }
        if (!out.get(0).equals(out.get(out.size() - 1))) {
            throw new BoundaryException(field, "ring-closed", "feature " + i + ": " + field
                    + " is not closed: its last position must equal its first");
        }
        return out;
    }

    private static ArrayNode position(int i, String field, JsonNode position) {
        if (position == null || !position.isArray() || position.size() < 2 || position.size() > 3
                || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new BoundaryException(field, "position", "feature " + i + ": " + field
                    + " must be [longitude, latitude] in decimal degrees");
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (!(lon >= -180 && lon <= 180)) {
            throw new BoundaryException(field, "longitude", "feature " + i + ": " + field + ": longitude " + lon
                    + " is outside -180..180 (are longitude and latitude swapped, or is it not CRS84?)");
        }
        if (!(lat >= -90 && lat <= 90)) {
            throw new BoundaryException(field, "latitude", "feature " + i + ": " + field + ": latitude " + lat
                    + " is outside -90..90 (are longitude and latitude swapped, or is it not CRS84?)");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        out.add(lon);
        out.add(lat);
        return out;
    }

    private JsonNode parse(byte[] bytes) {
        try {
            JsonNode root = mapper.readTree(bytes);
            if (root == null) {
                throw new BoundaryException("body", "json", "the file is empty");
            }
            return root;
        } catch (IOException e) {
            throw new BoundaryException("body", "json", "the file is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String at(int i, String field) {
        return "features[" + i + "]." + field;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String shown(JsonNode node) {
        if (node == null || node.isNull()) {
            return "nothing";
        }
        String s = node.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
