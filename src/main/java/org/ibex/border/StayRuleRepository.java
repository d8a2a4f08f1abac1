package org.ibex.border;

import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stay rules per nationality and permit type. A VISA rule stored here carries no dates: it says "count by
 * the terms of the visa presented", which the inspection reads from the crossing's permit.
 */
public final class StayRuleRepository {
    private final Database database;

    public StayRuleRepository(Database database) {
        this.database = database;
    }

    /** Replaces the rule for a key (nationality and permit type, either may be null for "any"). */
    public void put(StayRuleKey key, StayRule rule) {
        putAll(Map.of(key, rule));
    }

    /** Replaces the rules for all the keys given, in one transaction: all or none. */
    public void putAll(Map<StayRuleKey, StayRule> rules) {
        database.inTransaction(connection -> {
            for (Map.Entry<StayRuleKey, StayRule> entry : rules.entrySet()) {
                put(connection, entry.getKey(), entry.getValue());
            }
            return null;
        });
    }

    static void put(Connection connection, StayRuleKey key, StayRule rule) throws SQLException {
        remove(connection, key);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO stay_rule(nationality, permit_type, kind, days, window_days) VALUES (?,?,?,?,?)")) {
            Sql.bindAll(insert, key.nationality(), key.permitType(), rule.kind().name(), rule.days(),
                    rule.windowDays());
            insert.executeUpdate();
        }
    }

    /** Removes the rule for a key inside the caller's transaction; how many rows went (0 or 1). */
    static int remove(Connection connection, StayRuleKey key) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM stay_rule WHERE " + nullSafe("nationality") + " AND " + nullSafe("permit_type"))) {
            Sql.bindAll(delete, key.nationality(), key.nationality(), key.permitType(), key.permitType());
            return delete.executeUpdate();
        }
    }

    /**
     * Makes {@code rules} the whole rule book inside the caller's transaction: how a post takes in the rules its
     * headquarters published.
     */
    public static void replaceAll(Connection connection, Map<StayRuleKey, StayRule> rules) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM stay_rule")) {
            delete.executeUpdate();
        }
        for (Map.Entry<StayRuleKey, StayRule> entry : rules.entrySet()) {
            put(connection, entry.getKey(), entry.getValue());
        }
    }

    public Map<StayRuleKey, StayRule> all() {
        return database.read(StayRuleRepository::all);
    }

    /** Every rule in the order they were stored, read inside the caller's transaction. */
    public static Map<StayRuleKey, StayRule> all(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT nationality, permit_type, kind, days, window_days FROM stay_rule ORDER BY id")) {
            Map<StayRuleKey, StayRule> rules = new LinkedHashMap<>();
            for (var entry : Sql.list(select, row -> Map.entry(
                    new StayRuleKey(row.getString("nationality"), row.getString("permit_type")),
                    StayPolicy.configured(StayRule.Kind.valueOf(row.getString("kind")), row.getInt("days"),
                            row.getInt("window_days"))))) {
                rules.put(entry.getKey(), entry.getValue());
            }
            return rules;
        }
    }

    private static String nullSafe(String column) {
        return "((CAST(? AS VARCHAR(40)) IS NULL AND " + column + " IS NULL) OR " + column + " = ?)";
    }
}
