package org.ibex.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.access.ManagedAccount;
import org.ibex.access.ManagedAccounts;
import org.ibex.biometrics.WantedPrints;
import org.ibex.border.Post;
import org.ibex.border.PostRepository;
import org.ibex.border.StayRule;
import org.ibex.border.StayRuleKey;
import org.ibex.border.StayRuleRepository;
import org.ibex.replication.PostOwnership;
import org.ibex.store.Json;
import org.ibex.trust.NodeIdentity;
import org.ibex.watchlist.ListReplicas;
import org.ibex.watchlist.WatchlistInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What headquarters publishes and how each dataset reads: every national watchlist (person lists and lost, stolen
 * or revoked document lists alike) by its own versions, with deltas between them; the stay rules whole; and for each
 * post node, the accounts headquarters manages for the border posts that node reports, whole; and where configured
 * the fingerprints of the persons headquarters flags as wanted, whole.
 */
final class Datasets {
    static final String LIST_PREFIX = ReferencePayload.WATCHLIST + "/";
    private static final ObjectMapper JSON = Json.mapper();
    private final ListReplicas lists;
    private final Optional<WantedPrints> wanted;
    private final SmallVersions small = new SmallVersions();
    private final PostOwnership ownership = new PostOwnership();
    private final ManagedAccounts accounts = new ManagedAccounts();

    /** {@code wanted} is present where headquarters is configured to send wanted persons' prints. */
    Datasets(ListReplicas lists, Optional<WantedPrints> wanted) {
        this.lists = lists;
        this.wanted = wanted;
    }

    /** Every dataset at its current version; moves the version of a small dataset whose content changed. */
    List<Dataset> current(Connection connection, Instant now) throws SQLException {
        List<Dataset> datasets = new ArrayList<>();
        for (ListReplicas.Head head : lists.nationalHeads(connection)) {
            datasets.add(new Dataset(LIST_PREFIX + head.info().id(), ReferencePayload.WATCHLIST, head.version(),
                    JSON.valueToTree(head.info()), null));
        }
        ArrayNode rules = stayRules(StayRuleRepository.all(connection));
        long version = small.current(connection, ReferencePayload.STAY_RULES, Json.write(JSON, rules), now);
        datasets.add(new Dataset(ReferencePayload.STAY_RULES, ReferencePayload.STAY_RULES, version,
                JSON.createObjectNode(), rules));
        if (wanted.isPresent()) {
            // Versioned by what the flags say, not by the templates' bytes: the items are built only for a snapshot.
            String stamp = WantedItems.stamp(wanted.get().published(connection));
            datasets.add(new Dataset(ReferencePayload.WANTED_PRINTS, ReferencePayload.WANTED_PRINTS,
                    small.current(connection, ReferencePayload.WANTED_PRINTS, stamp, now), JSON.createObjectNode(),
                    null));
        }
        return datasets;
    }

    /**
     * The {@code users} dataset of post node {@code post}: headquarters' officers and supervisors of the border posts
     * that node reports, disabled ones included (so the post disables them too); its version moves with its content.
     */
    Dataset users(Connection connection, NodeIdentity post, Instant now) throws SQLException {
        Map<String, Post> posts = new LinkedHashMap<>();
        for (String id : ownership.postsOf(connection, post.toString())) {
            PostRepository.find(connection, id).ifPresent(row -> posts.put(id, row));
        }
        List<ManagedAccount> managed = accounts.ofPosts(connection, posts.keySet());
        ArrayNode items = UserItems.write(managed, posts);
        long version = small.current(connection, ReferencePayload.USERS + "/" + post, Json.write(JSON, items), now);
        return new Dataset(ReferencePayload.USERS, ReferencePayload.USERS, version, JSON.createObjectNode(), items);
    }

    /** Whether the dataset's content differs from post to post, so a payload made for one post serves no other. */
    static boolean perPost(Dataset dataset) {
        return ReferencePayload.USERS.equals(dataset.kind());
    }

    /** The whole dataset at its version. */
    Optional<ReferencePayload> snapshot(Connection connection, Dataset dataset, Instant issued, Instant expires)
            throws SQLException {
        if (ReferencePayload.WANTED_PRINTS.equals(dataset.kind())) {
            ArrayNode items = WantedItems.write(wanted.orElseThrow().published(connection));
            return Optional.of(new ReferencePayload(dataset.id(), dataset.kind(), dataset.version(), null, issued,
                    expires, items.size(), dataset.meta(), items, List.of()));
        }
        if (dataset.items() != null) {
            return Optional.of(new ReferencePayload(dataset.id(), dataset.kind(), dataset.version(), null, issued,
                    expires, dataset.items().size(), dataset.meta(), dataset.items(), List.of()));
        }
        return lists.rows(connection, listId(dataset), (int) dataset.version()).map(rows -> new ReferencePayload(
                dataset.id(), dataset.kind(), dataset.version(), null, issued, expires, ListReplicas.size(rows),
                dataset.meta(), rows, List.of()));
    }

    /**
     * The changes from {@code base} to the dataset's version; empty when only a snapshot will do (a small dataset,
     * a base no longer held, or more changes than the list has entries).
     */
    Optional<ReferencePayload> delta(Connection connection, Dataset dataset, long base, Instant issued,
                                     Instant expires) throws SQLException {
        if (!ReferencePayload.WATCHLIST.equals(dataset.kind()) || base <= 0) {
            return Optional.empty();
        }
        Optional<ListReplicas.Delta> delta = lists.delta(connection, listId(dataset), (int) base,
                (int) dataset.version());
        return delta.filter(d -> d.changes() <= d.entries()).map(d -> new ReferencePayload(dataset.id(), dataset.kind(), dataset.version(), base, issued,
                expires, d.changes(), dataset.meta(), d.upserts(), d.removed()));
    }

    /** The same version with new dates: a post that holds it trusts it for longer. */
    static ReferencePayload renewal(Dataset dataset, Instant issued, Instant expires) {
        return new ReferencePayload(dataset.id(), dataset.kind(), dataset.version(), dataset.version(), issued,
                expires, 0, dataset.meta(), null, List.of());
    }

    static String listId(Dataset dataset) {
        return dataset.id().substring(LIST_PREFIX.length());
    }

    /** Reads a list's description as headquarters sent it; IllegalArgumentException names the field that breaks. */
    static WatchlistInfo listInfo(JsonNode meta) {
        try {
            WatchlistInfo info = JSON.treeToValue(meta, WatchlistInfo.class);
            if (info == null) {
                throw new IllegalArgumentException("reference payload: meta describes no list");
            }
            return info;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("reference payload: meta is not a list's description: "
                    + e.getOriginalMessage(), e);
        }
    }

    static ArrayNode stayRules(Map<StayRuleKey, StayRule> rules) {
        ArrayNode items = JSON.createArrayNode();
        rules.forEach((key, rule) -> {
            ObjectNode item = items.addObject();
            item.put("nationality", key.nationality());
            item.put("permitType", key.permitType());
            item.put("kind", rule.kind().name());
            item.put("days", rule.days());
            item.put("windowDays", rule.windowDays());
        });
        return items;
    }
}
