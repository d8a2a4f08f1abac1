package org.ibex.access;

import java.util.Locale;

/**
 * What a password must be, after NIST SP 800-63B §5.1.1.2: long enough, not a common or breached password,
 * not the username nor containing it, not one character repeated; no composition rules (no "one digit, one
 * symbol"), which make passwords harder to remember and no harder to guess.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    /** Long passphrases are welcome; the cap only bounds the hashing work an attacker can ask for. */
    public static final int MAX_LENGTH = 256;
    private static final int MIN_DISTINCT = 5;
    private final CommonPasswords common;

    public PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    public static PasswordPolicy standard() {
        return new PasswordPolicy(CommonPasswords.load(MIN_LENGTH));
    }

    /** Refuses a password for this username with the rule it breaks, naming {@code field}. */
    public void check(String field, String username, String password) {
        if (password == null || password.isEmpty()) {
            throw refuse(field, "password-required", field + " is required");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw refuse(field, "password-too-short", field + " must have at least " + MIN_LENGTH
                    + " characters (got " + length + "); a few unrelated words make a good one");
        }
        if (length > MAX_LENGTH) {
            throw refuse(field, "password-too-long", field + " must have at most " + MAX_LENGTH + " characters");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            throw refuse(field, "password-repetitive", field + " must use at least " + MIN_DISTINCT
                    + " different characters");
        }
        if (common.contains(password) || common.contains(password.strip())) {
            throw refuse(field, "password-common", field
                    + " is on the list of common and breached passwords; choose another");
        }
        String name = Usernames.key(username);
        if (name.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(name)) {
            throw refuse(field, "password-contains-username", field + " must not contain the username");
        }
    }

    private static AccountException refuse(String field, String code, String message) {
        return new AccountException(AccountException.Kind.INVALID, code, field, message);
    }
}
