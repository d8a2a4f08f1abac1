package org.ibex.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.delivery.TestFederation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ibex.agreement.AgreementFixture.IMMIGRATION;
import static org.ibex.agreement.AgreementFixture.LABOUR;
import static org.ibex.agreement.AgreementFixture.NONE_REVOKED;
import static org.ibex.agreement.AgreementFixture.POLICE;

/** The agreement file: every rule of the format names its field; every party's signature is checked. */
class AgreementFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AgreementFixture fixture;
    private final Instant now = Instant.now();

    @BeforeAll
    static void federation() throws Exception {
        fixture = new AgreementFixture();
    }

    private X509Certificate anchor() {
        return fixture.federation.federation.anchor();
    }

    @Test
    void aDraftReadsBackAsTheAgreementItWasWrittenFrom() throws Exception {
        Agreement agreement = AgreementFixture.draft("UTO-POL-IMM", 3).read().agreement();

        assertThat(agreement.reference()).isEqualTo("UTO-POL-IMM@v3");
        assertThat(agreement.parties()).extracting(Party::toString).containsExactly("UTO/POL", "UTO/IMM");
        assertThat(agreement.rules()).containsExactly(AgreementFixture.policeAsksImmigration());
        assertThat(agreement.digest()).hasSize(64);
    }

    static Stream<Arguments> brokenFields() {
        return Stream.of(
                broken("agreement.schema", f -> body(f).put("schema", "ibex.agreement/2")),
                broken("agreement.id", f -> body(f).put("id", "x")),
                broken("agreement.version", f -> body(f).put("version", 0)),
                broken("agreement.version", f -> body(f).put("version", "1")),
                broken("agreement.version", f -> body(f).put("version", 1.5)),
                broken("agreement.title", f -> body(f).put("title", "")),
                broken("agreement.title", f -> body(f).put("title", "t".repeat(201))),
                broken("agreement.title", f -> body(f).putArray("title")),
                broken("agreement.parties", f -> body(f).putArray("parties").add("UTO/POL")),
                broken("agreement.parties[1]", f -> body(f).putArray("parties").add("UTO/POL").add("UTO/POL")),
                broken("agreement.parties[0]", f -> body(f).putArray("parties").add("uto/pol").add("UTO/IMM")),
                broken("agreement.parties[1]", f -> body(f).putArray("parties").add("UTO/POL").add(7)),
                broken("agreement.validFrom", f -> body(f).put("validFrom", "2026-13-01")),
                broken("agreement.validFrom", f -> body(f).remove("validFrom")),
                broken("agreement.validUntil", f -> body(f).put("validUntil", "2025-12-31")),
                broken("agreement.rules", f -> body(f).putArray("rules")),
                broken("agreement.rules", f -> body(f).put("rules", "all")),
                broken("agreement.rules[0]", f -> rules(f).set(0, JSON.getNodeFactory().textNode("x"))),
                broken("agreement.rules[0].asker", f -> rule(f).put("asker", "UTO/LAB")),
                broken("agreement.rules[0].answerer", f -> rule(f).put("answerer", "UTO/POL")),
                broken("agreement.rules[0].queries[0]", f -> rule(f).putArray("queries").add("teleport")),
                broken("agreement.rules[0].queries[1]", f -> rule(f).putArray("queries").add("wanted").add("wanted")),
                broken("agreement.rules[0].purposes[0]", f -> rule(f).putArray("purposes").add("Criminal")),
                broken("agreement.rules[0].purposes", f -> rule(f).putArray("purposes")),
                broken("agreement.rules[0].categories[0]", f -> rule(f).putArray("categories").add("dna")),
                broken("agreement.rules[0].quota", f -> rule(f).put("quota", 5)),
                broken("agreement.rules[0].quota.perDay", f -> quota(f).put("perDay", 0)),
                broken("agreement.rules[0].quota.perDay", f -> quota(f).put("perDay", "2")),
                broken("agreement.rules[0].quota.perYear", f -> quota(f).put("perYear", 1)),
                broken("agreement.rules[0].quota.perWeek", f -> quota(f).put("perWeek", 1)),
                broken("agreement.rules[0].retentionDays", f -> rule(f).put("retentionDays", 0)),
                broken("agreement.rules[0].retentionDays", f -> rule(f).put("retentionDays", 3651)),
                broken("agreement.rules[0].humanApproval", f -> rule(f).put("humanApproval", "no")),
                broken("agreement.colour", f -> body(f).put("colour", "blue")),
                broken("extra", f -> f.put("extra", true)),
                broken("agreement", f -> f.remove("agreement")),
                broken("agreement", f -> f.put("agreement", "yes")),
                broken("signatures", f -> f.put("signatures", "none")),
                broken("signatures[0]", f -> f.putArray("signatures").add(1)),
                broken("signatures[0].signature", f -> f.putArray("signatures").addObject().put("party", "UTO/POL")),
                broken("signatures[0].party", f -> f.putArray("signatures").addObject().put("party", "UTO/LAB")
                        .put("signature", "a..b")),
                broken("signatures[0].when", f -> f.putArray("signatures").addObject().put("party", "UTO/POL")
                        .put("signature", "a..b").put("when", "now")));
    }

    private static Arguments broken(String field, Consumer<ObjectNode> change) {
        return Arguments.of(field, change);
    }

    private static ObjectNode body(ObjectNode file) {
        return (ObjectNode) file.get("agreement");
    }

    private static ArrayNode rules(ObjectNode file) {
        return (ArrayNode) body(file).get("rules");
    }

    private static ObjectNode rule(ObjectNode file) {
        return (ObjectNode) rules(file).get(0);
    }

    private static ObjectNode quota(ObjectNode file) {
        return (ObjectNode) rule(file).get("quota");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFields")
    void aFieldThatBreaksItsRuleIsInvalidAndNamed(String field, Consumer<ObjectNode> change) throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(AgreementFixture.draft("UTO-POL-IMM", 1).write());
        change.accept(file);

        assertThatThrownBy(() -> AgreementFile.read(JSON.writeValueAsBytes(file)))
                .isInstanceOfSatisfying(AgreementException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgreementException.Kind.INVALID);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).as("the message starts with the field it is about").startsWith(field);
                });
    }

    @Test
    void aKeyGivenTwiceIsInvalidAndNamedSoSignerAndVerifierCannotReadTwoAgreements() {
        String file = new String(AgreementFixture.draft("UTO-POL-IMM", 1).write(), StandardCharsets.UTF_8)
                .replace("\"version\" : 1,", "\"version\" : 1, \"version\" : 2,");

        assertThatThrownBy(() -> AgreementFile.read(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AgreementException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgreementException.Kind.INVALID);
                    assertThat(e.field()).isEqualTo("agreement.version");
                });
    }

    @Test
    void aKeyGivenTwiceInsideARuleIsNamedWithItsIndex() {
        String file = new String(AgreementFixture.draft("UTO-POL-IMM", 1).write(), StandardCharsets.UTF_8)
                .replace("\"perDay\" : 2,", "\"perDay\" : 2, \"perDay\" : 2000,");

        assertThatThrownBy(() -> AgreementFile.read(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(AgreementException.class,
                        e -> assertThat(e.field()).isEqualTo("agreement.rules[0].quota.perDay"));
    }

    static Stream<Arguments> unusableInput() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("not JSON", "agreement: yes".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("cut short", "{\"agreement\": {".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("an array", "[1, 2]".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("a number", "42".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("binary", new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1}),
                Arguments.of("oversize", ("{\"agreement\": \"" + "a".repeat(AgreementFile.MAX_BYTES) + "\"}")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableInput")
    void inputThatIsNotAnAgreementFileIsUnusable(String what, byte[] bytes) {
        assertThatThrownBy(() -> AgreementFile.read(bytes))
                .isInstanceOfSatisfying(AgreementException.class,
                        e -> assertThat(e.kind()).isEqualTo(AgreementException.Kind.UNUSABLE));
    }

    @Test
    void deeplyNestedInputIsRefusedWithoutAStackOverflow() {
        byte[] deep = ("{\"agreement\": " + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> AgreementFile.read(deep)).isInstanceOf(AgreementException.class);
    }

    @Test
    void signedByBothPartiesItVerifiesAndTheFileReadsBackTheSame() throws Exception {
        byte[] file = fixture.signed(AgreementFixture.draft("UTO-POL-IMM", 1));

        SignedAgreement read = AgreementFile.read(file);
        List<Signer> signers = AgreementFile.verify(read, anchor(), NONE_REVOKED, now);

        assertThat(signers).extracting(s -> s.party() + " by " + s.node())
                .containsExactly("UTO/POL by UTO/POL/HQ", "UTO/IMM by UTO/IMM/HQ");

        assertThat(read.signatures()).extracting(s -> s.party().toString()).containsExactly("UTO/POL", "UTO/IMM");
        assertThat(AgreementFile.write(read)).as("writing what was read changes nothing").isEqualTo(file);
    }

    @Test
    void theSignatureCoversTheMeaningNotTheLayout() throws Exception {
        SignedAgreement signed = fixture.signedAgreement(AgreementFixture.draft("UTO-POL-IMM", 1));
        JsonNode compact = JSON.readTree(AgreementFile.write(signed));

        SignedAgreement reread = AgreementFile.read(JSON.writeValueAsBytes(compact));

        AgreementFile.verify(reread, anchor(), NONE_REVOKED, now);
        assertThat(reread.agreement().digest()).isEqualTo(signed.agreement().digest());
    }

    @Test
    void aBodyChangedAfterSigningNamesTheSignatureThatNoLongerHolds() throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(fixture.signed(AgreementFixture.draft("UTO-POL-IMM", 1)));
        quota(file).put("perDay", 3);
        SignedAgreement tampered = AgreementFile.read(JSON.writeValueAsBytes(file));

        assertInvalid(tampered, anchor(), NONE_REVOKED, "signatures[0]", "changed after signing");
    }

    @Test
    void aPartyThatHasNotSignedMakesTheFileInvalid() throws Exception {
        SignedAgreement byPolice = AgreementFile.sign(AgreementFixture.draft("UTO-POL-IMM", 1).read(),
                fixture.node(POLICE));

        assertInvalid(byPolice, anchor(), NONE_REVOKED, "signatures", "UTO/IMM has not signed");
    }

    @Test
    void anUnsignedDraftReadsButDoesNotVerify() throws Exception {
        SignedAgreement draft = AgreementFixture.draft("UTO-POL-IMM", 1).read();

        assertInvalid(draft, anchor(), NONE_REVOKED, "signatures", "UTO/POL has not signed");
    }

    @Test
    void aSignatureFiledUnderTheOtherPartyNamesTheNodeThatMadeIt() throws Exception {
        SignedAgreement byPolice = AgreementFile.sign(AgreementFixture.draft("UTO-POL-IMM", 1).read(),
                fixture.node(POLICE));
        String policeJws = byPolice.signatures().get(0).jws();
        SignedAgreement forged = new SignedAgreement(byPolice.agreement(), byPolice.body(), List.of(
                byPolice.signatures().get(0), new SignedAgreement.PartySignature(Party.parse("UTO/IMM"), policeJws)));

        assertInvalid(forged, anchor(), NONE_REVOKED, "signatures[1]", "made by UTO/POL/HQ, a node of another party");
    }

    @Test
    void aNodeOfNeitherPartyCannotSign() throws Exception {
        SignedAgreement draft = AgreementFixture.draft("UTO-POL-IMM", 1).read();

        assertThatThrownBy(() -> AgreementFile.sign(draft, fixture.node(LABOUR)))
                .isInstanceOfSatisfying(AgreementException.class, e -> {
                    assertThat(e.field()).isEqualTo("agreement.parties");
                    assertThat(e.getMessage()).contains("UTO/LAB/HQ");
                });
    }

    @Test
    void aSignerFromAnotherFederationDoesNotChainToTheAnchor() throws Exception {
        TestFederation other = new TestFederation(IMMIGRATION);
        SignedAgreement byPolice = AgreementFile.sign(AgreementFixture.draft("UTO-POL-IMM", 1).read(),
                fixture.node(POLICE));
        SignedAgreement outsider = AgreementFile.sign(byPolice, other.node(IMMIGRATION));

        assertInvalid(outsider, anchor(), NONE_REVOKED, "signatures[1]", "does not chain to the federation anchor");
    }

    @Test
    void aSignerWhoseCertificateWasRevokedMakesTheFileInvalid() throws Exception {
        SignedAgreement signed = fixture.signedAgreement(AgreementFixture.draft("UTO-POL-IMM", 1));
        BigInteger police = fixture.node(POLICE).certificate().getSerialNumber();

        assertInvalid(signed, anchor(), police::equals, "signatures[0]", "revoked certificate");
    }

    @Test
    void aSignatureThatIsNotAJwsIsNamed() throws Exception {
        SignedAgreement signed = fixture.signedAgreement(AgreementFixture.draft("UTO-POL-IMM", 1));
        SignedAgreement garbled = new SignedAgreement(signed.agreement(), signed.body(), List.of(
                signed.signatures().get(0), new SignedAgreement.PartySignature(Party.parse("UTO/IMM"), "abc..def")));

        assertInvalid(garbled, anchor(), NONE_REVOKED, "signatures[1]", "the signature of UTO/IMM");
    }

    @Test
    void signingAgainReplacesThePartysEarlierSignature() throws Exception {
        SignedAgreement signed = fixture.signedAgreement(AgreementFixture.draft("UTO-POL-IMM", 1));

        SignedAgreement again = AgreementFile.sign(signed, fixture.node(POLICE));

        assertThat(again.signatures()).hasSize(2);
        AgreementFile.verify(again, anchor(), NONE_REVOKED, now);
    }

    private void assertInvalid(SignedAgreement signed, X509Certificate anchor,
                               java.util.function.Predicate<BigInteger> revoked, String field, String says) {
        assertThatThrownBy(() -> AgreementFile.verify(signed, anchor, revoked, now))
                .isInstanceOfSatisfying(AgreementException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AgreementException.Kind.INVALID);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(says);
                });
    }
}
