package org.ibex.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.access.ManagedAccount;
import org.ibex.access.PasswordHasher;
import org.ibex.access.Role;
import org.ibex.border.Post;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code users} items as headquarters writes them read back as written; an item that breaks a rule is refused
 * naming the item and the field, before anything is written at the post.
 */
class UserItemsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final String HASH = new PasswordHasher(8, 1, new SecureRandom()).hash("password 1234");
    private static final Post LAND = new Post("UTO-LAND", "Land post", Post.Kind.LAND, ZoneId.of("Europe/Vilnius"));

    @Test
    void itemsReadBackAsWritten() {
        ManagedAccount ana = new ManagedAccount("officer.ana", Role.OFFICER, "UTO-LAND", HASH, T0, true, false, T0);
        ManagedAccount chief = new ManagedAccount("chief.land", Role.SUPERVISOR, "UTO-LAND", HASH, T0, false, true,
                T0);
        UserItems.Read read = UserItems.read(UserItems.write(List.of(ana, chief), Map.of("UTO-LAND", LAND)));

        assertThat(read.accounts()).containsExactly(ana, chief);
        assertThat(read.posts()).containsExactly(Map.entry("UTO-LAND", LAND));
        assertThat(UserItems.write(List.of(ana), Map.of("UTO-LAND", LAND)).toString())
                .as("a hash travels, never a password").doesNotContain("password 1234");
    }

    @Test
    void anItemThatBreaksARuleIsRefusedNamingTheItemAndTheField() {
        assertRefused(item -> item.put("role", "superuser"), "users[1].role must be one of officer, supervisor,"
                + " analyst, admin, list-manager (got 'superuser')");
        assertRefused(item -> item.put("role", "admin"), "users[1].role must be officer or supervisor: national"
                + " roles stay at headquarters (got admin)");
        assertRefused(item -> item.put("username", "x".repeat(81)), "users[1].username must be text of at most 80");
        assertRefused(item -> item.put("username", "ana smith"), "users[1].username must be 2 to 80 characters");
        assertRefused(item -> item.remove("passwordHash"), "users[1].passwordHash is required");
        assertRefused(item -> item.put("passwordHash", "hunter2hunter2"), "users[1].passwordHash must be an argon2id");
        assertRefused(item -> item.put("postId", "P".repeat(41)), "users[1].postId must be text of at most 40");
        assertRefused(item -> item.remove("post"), "users[1].post is required: the post's name, kind and zone");
        assertRefused(item -> ((ObjectNode) item.get("post")).put("kind", "SPACEPORT"), "users[1].post.kind must be"
                + " one of [AIRPORT, LAND, SEAPORT]");
        assertRefused(item -> ((ObjectNode) item.get("post")).put("zone", "Mars/Olympus"), "users[1].post.zone must"
                + " be a time zone id");
        assertRefused(item -> item.put("disabled", "no"), "users[1].disabled must be true or false");
        assertRefused(item -> item.put("passwordSetAt", "yesterday"), "users[1].passwordSetAt must be an instant");
        assertRefused(item -> item.put("username", "OFFICER.ANA"), "users[1].username OFFICER.ANA appears twice");
    }

    @Test
    void somethingOtherThanAListOfAccountsIsRefused() {
        assertThatThrownBy(() -> UserItems.read(JsonNodeFactory.instance.objectNode()))
                .hasMessage("reference payload: items of users must be an array");
        ArrayNode many = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i <= UserItems.MAX_ITEMS; i++) {
            many.addNull();
        }
        assertThatThrownBy(() -> UserItems.read(many)).hasMessage("reference payload: users holds at most 100000"
                + " accounts");
    }

    private static void assertRefused(Consumer<ObjectNode> breakIt, String message) {
        ManagedAccount ana = new ManagedAccount("officer.ana", Role.OFFICER, "UTO-LAND", HASH, T0, true, false, T0);
        ManagedAccount bob = new ManagedAccount("officer.bob", Role.OFFICER, "UTO-LAND", HASH, T0, true, false, T0);
        ArrayNode items = UserItems.write(List.of(ana, bob), Map.of("UTO-LAND", LAND));
        breakIt.accept((ObjectNode) items.get(1));
        JsonNode broken = items;
        assertThatThrownBy(() -> UserItems.read(broken)).as(message).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("reference payload: " + message);
    }
}
