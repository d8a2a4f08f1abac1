package org.ibex.agreement;

import org.ibex.input.FieldRuleException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule written on a command line, and the unsigned file a draft writes. */
class AgreementDraftTest {
    private static final String RULE = "asker=UTO/POL;answerer=UTO/IMM;queries=crossings,presence;"
            + "purposes=criminal-investigation;categories=hit,biographic;per-day=100;per-year=10000;"
            + "retention-days=90;approval=true";

    @Test
    void aRuleReadsEveryKey() {
        AgreementRule rule = AgreementDraft.rule(" " + RULE.replace(";", " ; ") + ";");

        assertThat(rule).isEqualTo(new AgreementRule(Party.parse("UTO/POL"), Party.parse("UTO/IMM"),
                Set.of(QueryType.CROSSINGS, QueryType.PRESENCE), Set.of("criminal-investigation"),
                Set.of(Category.HIT, Category.BIOGRAPHIC), 100, 10_000, 90, true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a key no rule has       | per-week=3                | rule.per-week",
            "a key given twice       | asker=UTO/LAB             | rule.asker",
            "a key without a value   | approval                  | rule.approval",
            "a party of another form | answerer=immigration      | rule.answerer",
            "a query there is not    | queries=crossings,teleport | rule.queries",
            "a category there is not | categories=dna            | rule.categories",
            "a number that is not    | per-day=lots              | rule.per-day",
            "a number too large      | per-year=99999999999      | rule.per-year",
            "approval neither        | approval=maybe            | rule.approval"})
    void aBrokenRuleNamesItsKey(String what, String change, String field) {
        String key = change.contains("=") ? change.substring(0, change.indexOf('=')) : change;
        String spec = what.startsWith("a key no rule") || what.startsWith("a key given twice")
                ? RULE + ";" + change : RULE.replaceFirst(key + "=[^;]*", change);

        assertThatThrownBy(() -> AgreementDraft.rule(spec)).isInstanceOfSatisfying(FieldRuleException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aRuleMissingAKeyNamesIt() {
        assertThatThrownBy(() -> AgreementDraft.rule(RULE.replace("retention-days=90;", "")))
                .isInstanceOfSatisfying(FieldRuleException.class, e -> {
                    assertThat(e.field()).isEqualTo("rule.retention-days");
                    assertThat(e.getMessage()).contains("every rule names");
                });
        assertThatThrownBy(() -> AgreementDraft.rule("")).isInstanceOf(FieldRuleException.class);
        assertThatThrownBy(() -> AgreementDraft.rule("x".repeat(2001))).isInstanceOf(FieldRuleException.class);
    }

    @Test
    void aDraftIsAnUnsignedFileThatReadsBackAsTheSameAgreement() throws AgreementException {
        AgreementDraft draft = new AgreementDraft("UTO-POL-IMM", 2, "Police questions", List.of(
                Party.parse("UTO/POL"), Party.parse("UTO/IMM")), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                List.of(AgreementDraft.rule(RULE)));

        SignedAgreement read = draft.read();

        assertThat(read.signatures()).isEmpty();
        assertThat(read.agreement().rules()).containsExactly(AgreementDraft.rule(RULE));
        assertThat(read.agreement().validUntil()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(new String(draft.write(), java.nio.charset.StandardCharsets.UTF_8))
                .as("lists in a stable order, whatever order the sets hold")
                .contains("\"categories\" : [ \"hit\", \"biographic\" ]", "\"queries\" : [ \"crossings\", \"presence\" ]");
    }
}
