package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Adding and editing border posts at run time, checked and written with their access-log entry in one transaction.
 * A post's id never changes: crossings and accounts refer to it, and each crossing keeps the zone it happened in.
 */
public final class Posts {
    /** Upper-case letters, digits and dashes, as the demo's UTO-AIR. */
    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
    private static final int MAX_NAME = 200;
    private final Database database;
    private final AccessLog accessLog;

    public Posts(Database database, AccessLog accessLog) {
        this.database = database;
        this.accessLog = accessLog;
    }

    /** Adds a post; every broken rule is reported at once (field id, name, kind or zone). */
    public Post add(Actor actor, String id, String name, String kind, String zone) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new InvalidInputException.Problem("id", "format",
                    "id must be 2 to 40 characters of A-Z, 0-9 and -, starting with a letter or digit"));
        }
        Post post = checked(problems, id, name, kind, zone);
        return database.inTransaction(connection -> {
            if (PostRepository.exists(connection, post.id())) {
                throw InvalidInputException.of("id", "exists", "a post with id " + post.id() + " exists");
            }
            PostRepository.insert(connection, post);
            accessLog.record(connection, AccessLog.Access.by(actor, "post.add", subject(post)));
            return post;
        });
    }

    /** Changes the name, kind and zone of an existing post; crossings already recorded keep their own zone. */
    public Post edit(Actor actor, String id, String name, String kind, String zone) {
        Post post = checked(new ArrayList<>(), id, name, kind, zone);
        return database.inTransaction(connection -> {
            if (PostRepository.update(connection, post) == 0) {
                throw new NotFoundException("no post " + id);
            }
            accessLog.record(connection, AccessLog.Access.by(actor, "post.edit", subject(post)));
            return post;
        });
    }

    private static Post checked(List<InvalidInputException.Problem> problems, String id, String name, String kind,
                                String zone) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME || trimmed.chars().anyMatch(Character::isISOControl)) {
            problems.add(new InvalidInputException.Problem("name", "required",
                    "name must be 1 to " + MAX_NAME + " characters without control characters"));
        }
        Post.Kind parsedKind = null;
        try {
            parsedKind = Post.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new InvalidInputException.Problem("kind", "unknown", "kind must be airport, land or seaport"));
        }
        ZoneId parsedZone = zone(zone);
        if (parsedZone == null) {
            problems.add(new InvalidInputException.Problem("zone", "unknown",
                    "zone must be a time zone of the IANA database, e.g. Asia/Bangkok"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Post(id, trimmed, parsedKind, parsedZone);
    }

    /** Region names only (Asia/Bangkok) or UTC: a fixed offset would be wrong half the year where clocks change. */
    private static ZoneId zone(String zone) {
        String text = zone == null ? "" : zone.strip();
        if (!text.equals("UTC") && !ZoneId.getAvailableZoneIds().contains(text)) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String subject(Post post) {
        return "post/" + post.id() + " kind=" + post.kind().name().toLowerCase(Locale.ROOT) + " zone=" + post.zone();
    }
}
