package org.ibex.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** NIST SP 800-63B passwords: long, not common or breached, not the username, no composition rules. */
class PasswordPolicyTest {
    private static final PasswordPolicy POLICY = PasswordPolicy.standard();

    @Test
    void theShortPasswordsTheEvaluatorUsedAreRefusedForTheirLength() {
        for (String weak : new String[]{"12345678", "password", "        "}) {
            AccountException refused = refusal("newPassword", "officer.a", weak);
            assertThat(refused.code()).as("'%s'", weak).isEqualTo("password-too-short");
            assertThat(refused.getMessage()).as("the message names the field and the rule")
                    .startsWith("newPassword must have at least 12 characters");
        }
    }

    @Test
    void aLongCommonOrBreachedPasswordIsRefusedWhateverItsCase() {
        for (String common : new String[]{"password1234", "qwertyuiop12", "PASSWORD1234", "1qaz2wsx3edc"}) {
            assertThat(refusal("password", "analyst", common).code()).as("'%s' is on the shipped list", common)
                    .isEqualTo("password-common");
        }
    }

    @Test
    void twelveSpacesOrOneCharacterRepeatedIsRefused() {
        assertThat(refusal("password", "analyst", "            ").code()).isEqualTo("password-repetitive");
        assertThat(refusal("password", "analyst", "abababababababab").code()).isEqualTo("password-repetitive");
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedInAnyCase() {
        AccountException refused = refusal("password", "officer.a", "my-OFFICER.A-secret-2026");

        assertThat(refused.code()).isEqualTo("password-contains-username");
        assertThat(refused.field()).isEqualTo("password");
    }

    @Test
    void longPassphrasesOfPlainWordsPassWithoutDigitsOrSymbols() {
        assertThatCode(() -> POLICY.check("password", "officer.a", "lantern orchard velvet compass"))
                .as("no composition rules: lower-case words are fine").doesNotThrowAnyException();
        assertThatCode(() -> POLICY.check("password", "officer.a", "ein Pferd, zwei Kühe und drei Störche"))
                .doesNotThrowAnyException();
    }

    @Test
    void theFamousExamplePassphraseIsOnTheListAndSoRefused() {
        assertThat(refusal("password", "analyst", "correct horse battery staple").code())
                .as("xkcd 936 made it common").isEqualTo("password-common");
    }

    @Test
    void theShippedListIsTheBreachCorpusNotAHandfulOfWords() {
        assertThat(CommonPasswords.load(1).size()).as("nbvcxz ships the 100,000 most common passwords")
                .isGreaterThan(90_000);
    }

    private static AccountException refusal(String field, String username, String password) {
        AccountException refused = catchThrowableOfType(() -> POLICY.check(field, username, password),
                AccountException.class);
        assertThat(refused).as("'%s' must be refused", password).isNotNull();
        assertThat(refused.kind()).isEqualTo(AccountException.Kind.INVALID);
        assertThat(refused.field()).isEqualTo(field);
        return refused;
    }
}
