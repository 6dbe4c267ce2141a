package com.perprisk.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.perprisk.venue.VenueException.Kind;

import java.math.BigDecimal;

/**
 * Reads one response's fields with their JSON path in every error: venues send numbers as strings ("64970.71"),
 * numbers, or "" for "none", and a missing or mistyped field must say which one it is.
 */
final class Fields {
    private final Venue venue;
    private final String endpoint;

    Fields(Venue venue, String endpoint) {
        this.venue = venue;
        this.endpoint = endpoint;
    }

    static String path(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : name.startsWith("[") ? parent + name : parent + "." + name;
    }

    VenueException error(String path, String detail) {
        return new VenueException(venue, endpoint, path, Kind.FIELD, detail);
    }

    VenueException units(String path, String detail) {
        return new VenueException(venue, endpoint, path, Kind.UNITS, detail);
    }

    VenueException unknownSymbol(String symbol, String listed) {
        return new VenueException(venue, endpoint, null, Kind.UNKNOWN_SYMBOL, "the venue does not list the symbol \""
                + symbol + "\"" + (listed == null ? "" : " (" + listed + ")"));
    }

    VenueException venueError(String code, String message) {
        return new VenueException(venue, endpoint, null, Kind.VENUE_ERROR, "error " + code
                + (message == null || message.isBlank() ? "" : ": " + message), code, null);
    }

    /** A child that must be present and not null. */
    JsonNode child(JsonNode parent, String parentPath, String name) throws VenueException {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull()) {
            throw error(path(parentPath, name), "is missing");
        }
        return n;
    }

    JsonNode object(JsonNode parent, String parentPath, String name) throws VenueException {
        JsonNode n = child(parent, parentPath, name);
        if (!n.isObject()) {
            throw error(path(parentPath, name), "should be an object, got " + describe(n));
        }
        return n;
    }

    JsonNode array(JsonNode parent, String parentPath, String name) throws VenueException {
        JsonNode n = child(parent, parentPath, name);
        if (!n.isArray()) {
            throw error(path(parentPath, name), "should be an array, got " + describe(n));
        }
        return n;
    }

    /** The root must be of this shape. */
    JsonNode rootArray(JsonNode root) throws VenueException {
        if (root == null || !root.isArray()) {
            throw error("(body)", "should be an array, got " + describe(root));
        }
        return root;
    }

    JsonNode rootObject(JsonNode root) throws VenueException {
        if (root == null || !root.isObject()) {
            throw error("(body)", "should be an object, got " + describe(root));
        }
        return root;
    }

    /** A required finite number, given as a JSON number or a numeric string. */
    double num(JsonNode parent, String parentPath, String name) throws VenueException {
        Double d = optNum(parent, parentPath, name);
        if (d == null) {
            throw error(path(parentPath, name), "is missing");
        }
        return d;
    }

    /** An optional number: absent, null or "" is null; anything else must be a finite number. */
    Double optNum(JsonNode parent, String parentPath, String name) throws VenueException {
        JsonNode n = parent == null ? null : parent.get(name);
        if (n == null || n.isNull() || n.isTextual() && n.asText().isBlank()) {
            return null;
        }
        String p = path(parentPath, name);
        double d;
        if (n.isNumber()) {
            d = n.doubleValue();
        } else if (n.isTextual()) {
            try {
                d = new BigDecimal(n.asText().strip()).doubleValue();
            } catch (NumberFormatException e) {
                throw error(p, "should be a number, got \"" + n.asText() + "\"");
            }
        } else {
            throw error(p, "should be a number, got " + describe(n));
        }
        if (!Double.isFinite(d)) {
            throw error(p, "should be a finite number, got " + n.asText());
        }
        return d + 0.0; // no negative zero
    }

    /** A required text field. */
    String text(JsonNode parent, String parentPath, String name) throws VenueException {
        JsonNode n = child(parent, parentPath, name);
        if (!n.isTextual() && !n.isNumber()) {
            throw error(path(parentPath, name), "should be text, got " + describe(n));
        }
        return n.asText();
    }

    String optText(JsonNode parent, String name) {
        JsonNode n = parent == null ? null : parent.get(name);
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }

    /** Milliseconds since the epoch, as a number or a numeric string. */
    long millis(JsonNode parent, String parentPath, String name) throws VenueException {
        double d = num(parent, parentPath, name);
        if (d < 0 || d != Math.rint(d)) {
            throw error(path(parentPath, name), "should be a time in whole milliseconds, got " + parent.get(name));
        }
        return (long) d;
    }

    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "text \"" + (n.asText().length() > 30 ? n.asText().substring(0, 30) + "…" : n.asText()) + "\"";
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        return "the number " + n.asText();
    }
}
