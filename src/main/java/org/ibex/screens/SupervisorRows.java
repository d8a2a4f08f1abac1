package org.ibex.screens;

import org.ibex.access.AccountSummary;
import org.ibex.border.Crossing;
import org.ibex.border.Decision;

import java.time.ZoneId;
import java.util.List;

/** What the supervisor's tables show of a crossing and of an account, already in the reader's language. */
public final class SupervisorRows {
    private SupervisorRows() {
    }

    /** One crossing as a row: the time at the post, the holder, the document and the decision. */
    public record CrossingRow(long id, long personId, String time, String direction, String name, String nameOriginal,
                       String nationality, String documentNumber, Decision decision, String officer,
                       Long supersedes, Long supersededBy, boolean late, List<String> reasons) {
        /** The tag's colour: green to admit, amber to refer, red to refuse. */
        public String decisionClass() {
            return switch (decision) {
                case ADMIT -> "tag ok";
                case REFER -> "tag warn";
                case REFUSE -> "tag error";
            };
        }

        static CrossingRow of(Crossing c, Texts t) {
            String given = c.document().givenNames() == null ? "" : c.document().givenNames().strip();
            String name = given.isEmpty() ? c.document().surname() : c.document().surname() + ", " + given;
            List<String> reasons = c.reasons().stream().map(reason -> t.has("supervisor.reason." + reason.code())
                    ? t.t("supervisor.reason." + reason.code()) : reason.code()).distinct().toList();
            return new CrossingRow(c.id(), c.personId(), t.dateTime(c.occurredAt().atZone(ZoneId.of(c.zoneId()))),
                    t.t("supervisor.direction." + c.direction().name()), name, c.document().nameOriginal(),
                    c.document().nationality(), c.document().documentNumber(), c.decision(), c.officer(),
                    c.supersedes(), c.supersededBy(), c.late(), reasons);
        }
    }

    /** One account of the post: its role and whether it can log in now. */
    public record UserRow(String username, String role, String status, String statusClass, String created, int failedLogins) {
        static UserRow of(AccountSummary a, Texts t, ZoneId zone) {
            String status;
            String statusClass;
            if (a.disabled()) {
                status = t.t("supervisor.users.disabled");
                statusClass = "tag error";
            } else if (a.loginDelaySeconds() > 0) {
                status = t.t("supervisor.users.delayed");
                statusClass = "tag warn";
            } else if (a.passwordChangeRequired()) {
                status = t.t("supervisor.users.awaitingPassword");
                statusClass = "tag";
            } else {
                status = t.t("supervisor.users.active");
                statusClass = "tag ok";
            }
            return new UserRow(a.username(), t.t("role." + a.role().label()), status, statusClass,
                    t.dateTime(a.createdAt().atZone(zone)), a.failedLogins());
        }
    }
}
