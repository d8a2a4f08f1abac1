package org.ibex.screens;

import org.ibex.agreement.Category;
import org.ibex.agreement.QueryType;
import org.ibex.inquiry.Ask;
import org.ibex.inquiry.Subject;
import org.ibex.input.FieldRuleException;
import org.ibex.trust.NodeIdentity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The question form read into an {@link Ask}, or the form with its errors: each field checked for what the screen
 * can tell (a choice from the list, a date, a length), the subject's rules by {@link Subject} itself, and each error
 * worded for the field it names.
 */
final class QuestionForm {
    static final List<String> FIELDS = List.of("answerer", "query", "purpose", "surname", "givenNames", "birthDate",
            "documentNumber", "issuingState");
    /** Longer than any field's own rule allows, so the rule names the problem; the cap keeps pages small. */
    private static final int MAX_FIELD = 400;

    private QuestionForm() {
    }

    /** What the user sent, kept to re-render the form; {@code categories} as the ticked codes. */
    static Form values(ScreenRequest r) {
        Form form = Form.empty();
        for (String field : FIELDS) {
            String value = r.form(field);
            form.set(field, value.length() > MAX_FIELD ? value.substring(0, MAX_FIELD) : value);
        }
        form.set("categories", String.join(",", r.formValues("categories").stream().limit(8).toList()));
        String person = r.form("personId");
        form.set("personId", person.length() > 20 ? person.substring(0, 20) : person);
        return form;
    }

    /** The question, or null with the form's errors set. */
    static Ask read(ScreenRequest r, Form form) {
        NodeIdentity answerer = null;
        if (!form.value("answerer").isEmpty()) {
            try {
                answerer = NodeIdentity.parse(form.value("answerer"));
            } catch (IllegalArgumentException e) {
                form.error("answerer", r.t("inquiry.error.answerer"));
            }
        }
        QueryType query = null;
        try {
            query = QueryType.parse(form.value("query"));
        } catch (IllegalArgumentException e) {
            form.error("query", r.t("inquiry.error.query"));
        }
        if (form.value("purpose").isEmpty()) {
            form.error("purpose", r.t("inquiry.error.purpose"));
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String code : form.value("categories").isEmpty() ? new String[0] : form.value("categories").split(",")) {
            try {
                categories.add(Category.parse(code));
            } catch (IllegalArgumentException e) {
                form.error("categories", r.t("inquiry.error.categories"));
            }
        }
        LocalDate birthDate = null;
        if (!form.value("birthDate").isEmpty()) {
            try {
                birthDate = LocalDate.parse(form.value("birthDate"));
            } catch (DateTimeParseException e) {
                form.error("birthDate", r.t("inquiry.error.birthDate"));
            }
        }
        Subject subject = null;
        try {
            subject = new Subject(form.value("surname"), form.value("givenNames"), birthDate,
                    form.value("documentNumber"), form.value("issuingState"));
        } catch (FieldRuleException e) {
            mark(r, form, e);
        }
        return form.hasErrors() ? null : new Ask(answerer, query, form.value("purpose"), categories, subject, null,
                null);
    }

    /** A rule the domain found broken, on the field it names (the subject's fields without their prefix). */
    static void mark(ScreenRequest r, Form form, FieldRuleException e) {
        String field = e.field() == null ? "purpose" : e.field().replace("subject.", "");
        if (field.equals("subject")) {
            form.error("documentNumber", r.t("inquiry.error.subject"));
            return;
        }
        String key = "inquiry.error." + field;
        form.error(FIELDS.contains(field) ? field : "purpose", r.texts().has(key) ? r.t(key) : e.getMessage());
    }
}
