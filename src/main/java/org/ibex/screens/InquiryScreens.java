package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.border.NotFoundException;
import org.ibex.border.PersonFiles;
import org.ibex.identity.Person;
import org.ibex.delivery.ExchangeNode;
import org.ibex.inquiry.Ask;
import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.Question;
import org.ibex.inquiry.QuestionRefusedException;
import org.ibex.input.FieldRuleException;
import org.ibex.web.Services;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Asking another agency a question and following its answer: the form offers what the agreements in force allow,
 * the agreement gate decides (a refusal is shown in words with the agreement's own sentence), and a question still
 * waiting refreshes itself until its answer lands. Officers and supervisors see their post's questions only.
 */
final class InquiryScreens implements ScreenArea {
    static final String PATH = "/questions";
    static final Set<Role> ASKERS = Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST);
    private static final int LISTED = 100;
    private final Optional<Inquiry> inquiry;
    private final Optional<ExchangeNode> exchange;
    private final Clock clock;
    private final Services services;
    private final PersonFiles files;

    InquiryScreens(Services services) {
        this.inquiry = services.inquiry();
        this.exchange = services.exchange();
        this.clock = services.clock();
        this.services = services;
        this.files = new PersonFiles(services.database(), services.stays(), services.biometrics(), services.accessLog());
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, ASKERS, r -> list(r, aboutPerson(r), null));
        routes.post(PATH, ASKERS, this::ask);
        routes.get(PATH + "/{id}", ASKERS, this::show);
    }

    private void list(ScreenRequest r, Form form, QuestionRefusedException refused) {
        if (inquiry.isEmpty()) {
            r.render("inquiry/questions.jte", r.page(r.t("inquiry.questions.title")), "options", null,
                    "questions", List.of(), "refusal", null, "sentence", null);
            return;
        }
        AskOptions options = AskOptions.of(r, exchange.get().node(),
                exchange.get().membership().federation().directory().nodes(), inquiry.get().agreements().usable());
        List<QuestionView> questions = inquiry.get().questions().list(r.actor(), LISTED).stream()
                .map(q -> QuestionView.of(q, clock.instant(), Inquiry.OVERDUE_AFTER)).toList();
        r.render("inquiry/questions.jte", r.page(r.t("inquiry.questions.title"), form), "options", options,
                "questions", questions, "refusal", refused == null ? null
                        : r.t("inquiry.refusal." + refused.reason().code()),
                "sentence", refused == null ? null : refused.getMessage());
    }

    private void ask(ScreenRequest r) {
        if (inquiry.isEmpty()) {
            throw new NotFoundException("this node has not joined a federation");
        }
        Form form = QuestionForm.values(r);
        Ask ask = QuestionForm.read(r, form);
        if (ask != null && !form.value("personId").isEmpty()) {
            long personId = personId(form.value("personId"));
            person(r, personId);
            ask = new Ask(ask.answerer(), ask.query(), ask.purpose(), ask.categories(), ask.subject(), personId, null);
        }
        if (ask != null) {
            try {
                Question asked = inquiry.get().questions().ask(ask, r.actor());
                r.redirect(PATH + "/" + asked.id());
                return;
            } catch (QuestionRefusedException e) {
                r.ctx().status(403);
                list(r, form, e);
                return;
            } catch (FieldRuleException e) {
                QuestionForm.mark(r, form, e);
            }
        }
        r.ctx().status(400);
        list(r, form, null);
    }

    /**
     * The form filled in from a person's file ({@code ?person=ID}): the question then goes in that person's ledger.
     * The file is opened as the person view opens it, so a person out of the user's scope reads as missing.
     */
    private Form aboutPerson(ScreenRequest r) {
        if (r.query("person").isEmpty() || inquiry.isEmpty()) {
            return Form.empty();
        }
        long id = personId(r.query("person"));
        Person person = person(r, id);
        return Form.empty().set("personId", Long.toString(id)).set("surname", person.surname())
                .set("givenNames", person.givenNames() == null ? "" : person.givenNames())
                .set("birthDate", person.dateOfBirth() == null ? "" : person.dateOfBirth().toString());
    }

    private Person person(ScreenRequest r, long id) {
        return files.open(id, services.stays().today(), r.actorFor("question to another agency")).person();
    }

    private static long personId(String text) {
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException("no person " + text);
        }
        return Long.parseLong(text);
    }

    private void show(ScreenRequest r) {
        String id = r.uuidPath("question");
        if (inquiry.isEmpty()) {
            throw new NotFoundException("no question " + id);
        }
        Page page = r.page(r.t("inquiry.question.title"));
        // Polled every few seconds while the answer is due: the state alone, read without a log line each time.
        java.util.Optional<org.ibex.inquiry.Question> waiting = r.htmx()
                ? inquiry.get().questions().whileWaiting(id, r.actor()) : java.util.Optional.empty();
        QuestionView view = QuestionView.of(waiting.isPresent() ? waiting.get()
                : inquiry.get().questions().find(id, r.actor()), clock.instant(), Inquiry.OVERDUE_AFTER);
        if (r.htmx()) {
            r.render("inquiry/answer.jte", page, "view", view);
        } else {
            r.render("inquiry/question.jte", page, "view", view);
        }
    }
}
