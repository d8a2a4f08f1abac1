package org.ibex.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema published in the jar says what the reader enforces: files the reader takes validate, and files it
 * refuses for a reason a schema can express are refused by the schema too, so other parties can check files with
 * their own tools.
 */
class AgreementSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Rules a JSON schema cannot state: they compare two fields or check dates and signatures. */
    private static final Set<String> BEYOND_A_SCHEMA = Set.of("agreement.validUntil", "agreement.validFrom",
            "agreement.rules[0].asker", "agreement.rules[0].answerer", "agreement.rules[0].quota.perYear",
            "signatures[0].party");
    private static JsonSchema schema;
    private static AgreementFixture fixture;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = AgreementFile.class.getResourceAsStream("agreement.schema.json")) {
            assertThat(in).as("the schema ships in the jar beside AgreementFile").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        fixture = new AgreementFixture();
    }

    private static List<String> errors(byte[] file) {
        return schema.validate(new String(file, StandardCharsets.UTF_8), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    @Test
    void anUnsignedDraftValidates() {
        assertThat(errors(AgreementFixture.draft("UTO-POL-IMM", 1).write())).isEmpty();
    }

    @Test
    void aFileSignedByBothPartiesValidates() throws Exception {
        assertThat(errors(fixture.signed(AgreementFixture.draft("UTO-POL-IMM", 2)))).isEmpty();
    }

    @Test
    void aDraftWithEveryQueryAndCategoryValidates() {
        AgreementDraft wide = new AgreementDraft("UTO-WIDE", 1, "All of it", List.of(Party.parse("UTO"),
                Party.parse("XXB")), AgreementFixture.FROM, AgreementFixture.UNTIL, List.of(AgreementDraft.rule(
                "asker=XXB;answerer=UTO;queries=crossings,presence,wanted,identity;purposes=border-control,"
                        + "criminal-investigation;categories=hit,biographic,travel-history,biometric;per-day=1;"
                        + "per-year=1;retention-days=3650;approval=true")));

        assertThat(errors(wide.write())).isEmpty();
    }

    static Stream<Arguments> brokenFields() {
        return AgreementFileTest.brokenFields().filter(a -> !BEYOND_A_SCHEMA.contains((String) a.get()[0]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFields")
    void aFileTheReaderRefusesTheSchemaRefusesToo(String field, Consumer<ObjectNode> change) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(AgreementFixture.draft("UTO-POL-IMM", 1).write());
        change.accept(file);

        assertThat(errors(JSON.writeValueAsBytes(file))).as("schema errors for a broken " + field).isNotEmpty();
    }
}
