package org.ibex.inquiry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's exports: one header, one line per disclosure, the same fields in CSV and JSON, hostile text inert. */
class LedgerExportTest {
    private static final Disclosure ANSWER = new Disclosure(1, 7L, "ERIKSSON, ANNA MARIA (1974-08-12)",
            Disclosure.Direction.SENT, "UTO/POL/HQ", "UTO-POL-IMM@v1", "criminal-investigation",
            List.of("hit", "travel-history"), "q-1", Disclosure.Kind.ANSWER, Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void csvHasAHeaderAndOneQuotedLinePerDisclosure() {
        String csv = new String(LedgerExport.csv(List.of(ANSWER)), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("at,direction,kind,counterpart,agreement,purpose,categories,questionId,subject\r\n"
                + "2026-12-01T10:00:00Z,sent,answer,UTO/POL/HQ,UTO-POL-IMM@v1,criminal-investigation,"
                + "hit travel-history,q-1,\"ERIKSSON, ANNA MARIA (1974-08-12)\"\r\n");
        assertThat(new String(LedgerExport.csv(List.of()), StandardCharsets.UTF_8)).as("an empty ledger is a header")
                .isEqualTo("at,direction,kind,counterpart,agreement,purpose,categories,questionId,subject\r\n");
    }

    @Test
    void aSubjectASpreadsheetWouldRunAsAFormulaIsWrittenAsTextAndQuotesAreDoubled() {
        Disclosure hostile = new Disclosure(2, null, "=HYPERLINK(\"http://x\",\"y\")", Disclosure.Direction.RECEIVED,
                "UTO/IMM/HQ", "A@v1", "p", List.of(), "q-2", Disclosure.Kind.QUESTION, Instant.EPOCH);
        String csv = new String(LedgerExport.csv(List.of(hostile)), StandardCharsets.UTF_8);
        assertThat(csv).endsWith(",q-2,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
    }

    @Test
    void jsonCarriesTheSameFieldsWithCategoriesAsAnArray() throws Exception {
        JsonNode json = new ObjectMapper().readTree(LedgerExport.json(List.of(ANSWER)));
        assertThat(json.isArray()).isTrue();
        JsonNode line = json.get(0);
        assertThat(line.fieldNames()).toIterable().containsExactlyElementsOf(LedgerExport.FIELDS);
        assertThat(line.get("direction").asText()).isEqualTo("sent");
        assertThat(line.get("kind").asText()).isEqualTo("answer");
        assertThat(line.get("categories")).extracting(JsonNode::asText).containsExactly("hit", "travel-history");
        assertThat(line.get("subject").asText()).isEqualTo("ERIKSSON, ANNA MARIA (1974-08-12)");
    }
}
