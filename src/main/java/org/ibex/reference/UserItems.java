package org.ibex.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.access.ManagedAccount;
import org.ibex.access.Role;
import org.ibex.border.Post;
import org.ibex.store.Json;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code users} dataset's items: one account each, with the border post it is bound to (id, name, kind and zone,
 * so a post that lacks the row can make it). Reading checks every field and names the one that breaks, with the
 * item's index.
 */
final class UserItems {
    /** More accounts than any post has people; a larger set is refused before anything is written. */
    static final int MAX_ITEMS = 100_000;
    private static final ObjectMapper JSON = Json.mapper();

    /** What a {@code users} snapshot holds: the accounts, and the posts they name by id. */
    record Read(List<ManagedAccount> accounts, Map<String, Post> posts) {
    }

    private UserItems() {
    }

    static ArrayNode write(List<ManagedAccount> accounts, Map<String, Post> posts) {
        ArrayNode items = JSON.createArrayNode();
        for (ManagedAccount account : accounts) {
            ObjectNode item = items.addObject();
            item.put("username", account.username());
            item.put("role", account.role().label());
            item.put("postId", account.postId());
            item.put("passwordHash", account.passwordHash());
            item.put("passwordSetAt", account.passwordSetAt().toString());
            item.put("passwordChangeRequired", account.passwordChangeRequired());
            item.put("disabled", account.disabled());
            item.put("createdAt", account.createdAt().toString());
            Post post = posts.get(account.postId());
            ObjectNode postItem = item.putObject("post");
            postItem.put("name", post.name());
            postItem.put("kind", post.kind().name());
            postItem.put("zone", post.zone().getId());
        }
        return items;
    }

    static Read read(JsonNode items) {
        if (!items.isArray()) {
            throw new IllegalArgumentException("reference payload: items of users must be an array");
        }
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("reference payload: users holds at most " + MAX_ITEMS + " accounts");
        }
        List<ManagedAccount> accounts = new ArrayList<>();
        Map<String, Post> posts = new LinkedHashMap<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = "users[" + i + "].";
            try {
                ManagedAccount account = new ManagedAccount(text(item, "username", 80), role(item),
                        text(item, "postId", ManagedAccount.MAX_POST_ID), text(item, "passwordHash", 200),
                        instant(item, "passwordSetAt"), flag(item, "passwordChangeRequired"), flag(item, "disabled"),
                        instant(item, "createdAt")).checked();
                if (!names.add(account.username().toLowerCase(java.util.Locale.ROOT))) {
                    throw new IllegalArgumentException("username " + account.username() + " appears twice"
                            + " (usernames ignore case)");
                }
                posts.putIfAbsent(account.postId(), post(account.postId(), item.path("post")));
                accounts.add(account);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reference payload: " + at + e.getMessage(), e);
            }
        }
        return new Read(accounts, posts);
    }

    private static Post post(String id, JsonNode post) {
        if (!post.isObject()) {
            throw new IllegalArgumentException("post is required: the post's name, kind and zone");
        }
        String name = text(post, "name", 200);
        String kind = text(post, "kind", 20);
        String zone = text(post, "zone", 60);
        require(name != null && !name.isBlank(), "post.name", "is required");
        Post.Kind parsed;
        try {
            parsed = Post.Kind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("post.kind must be one of " + java.util.Arrays.toString(
                    Post.Kind.values()));
        }
        try {
            return new Post(id, name, parsed, ZoneId.of(zone == null ? "" : zone));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("post.zone must be a time zone id such as Europe/Vilnius");
        }
    }

    private static Role role(JsonNode item) {
        String text = text(item, "role", 20);
        require(text != null, "role", "is required");
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static String text(JsonNode item, String field, int max) {
        JsonNode value = item.path(field);
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        require(value.isTextual() && value.asText().length() <= max, field, "must be text of at most " + max
                + " characters");
        return value.asText();
    }

    private static boolean flag(JsonNode item, String field) {
        JsonNode value = item.path(field);
        require(value.isBoolean(), field, "must be true or false");
        return value.asBoolean();
    }

    private static Instant instant(JsonNode item, String field) {
        String text = text(item, field, 40);
        require(text != null, field, "is required");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an instant such as 2026-01-01T00:00:00Z");
        }
    }

    private static void require(boolean holds, String field, String rule) {
        if (!holds) {
            throw new IllegalArgumentException(field + " " + rule);
        }
    }
}
