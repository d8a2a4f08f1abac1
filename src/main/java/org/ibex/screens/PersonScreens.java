package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.border.NotFoundException;
import org.ibex.border.PersonFile;
import org.ibex.border.PersonFiles;
import org.ibex.border.PersonSearch;
import org.ibex.identity.Person;
import org.ibex.input.FieldRuleException;
import org.ibex.web.Services;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finding a person and opening their file: documents, crossings, stay, hits, enrolled fingers and who looked at the
 * person and why. Every opening is logged with its purpose, as the API logs it: implied by the screen a link came
 * from (a hit under review), or asked of the user before anything of the file is shown. The scope is the API's
 * ({@link org.ibex.border.PersonFiles}): a person of another post reads exactly as one that does not exist.
 */
public final class PersonScreens implements ScreenArea {
    static final String SEARCH = "/persons";
    /** Who may open a file: the roles the API lets read one. */
    private static final Set<Role> READERS = Set.of(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST);
    private static final int MAX_RESULTS = 50;
    private final Services services;
    private final PersonFiles files;
    private final PersonSearch search;

    public PersonScreens(Shell shell, Services services) {
        this.services = services;
        this.files = new PersonFiles(services.database(), services.stays(), services.biometrics(), services.accessLog());
        this.search = new PersonSearch(services.database(), services.biometrics(), services.accessLog());
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(SEARCH, READERS, this::search);
        routes.get(SEARCH + "/{id}", READERS, this::open);
        routes.post(SEARCH + "/{id}", READERS, this::openForPurpose);
    }

    private void search(ScreenRequest r) {
        String q = r.query("q");
        Form form = Form.empty().set("q", q);
        List<Person> found = null;
        if (!q.isEmpty()) {
            try {
                found = search.find(q, r.actor(), MAX_RESULTS);
            } catch (FieldRuleException e) {
                form.error("q", r.t(q.length() < 2 ? "person.search.error.short" : "person.search.error.long",
                        PersonSearch.MAX_TEXT));
                r.ctx().status(400);
            }
        }
        r.render("person/search.jte", r.page(r.t("person.search.title"), form), "found", found,
                "limited", found != null && found.size() >= MAX_RESULTS);
    }

    private void open(ScreenRequest r) {
        long id = personId(r);
        Optional<String> implied = PersonPurposes.implied(r.query("purpose"));
        if (implied.isPresent()) {
            showFile(r, id, implied.get());
        } else {
            askPurpose(r, id, Form.empty());
        }
    }

    private void openForPurpose(ScreenRequest r) {
        long id = personId(r);
        String code = r.form("purpose");
        String details = r.form("details");
        Form form = PersonPurposes.check(r, code, details);
        if (form.hasErrors()) {
            r.ctx().status(400);
            askPurpose(r, id, form);
            return;
        }
        showFile(r, id, PersonPurposes.logged(code, details));
    }

    private void askPurpose(ScreenRequest r, long id, Form form) {
        r.render("person/purpose.jte", r.page(r.t("person.purpose.title"), form), "personId", id,
                "options", PersonPurposes.options(r));
    }

    private void showFile(ScreenRequest r, long id, String purpose) {
        PersonFile file = files.open(id, services.stays().today(), r.actorFor(purpose));
        Person person = file.person();
        r.render("person/file.jte", r.page(r.t("person.file.title", person.surname(), person.givenNames() == null
                ? "" : person.givenNames())), "view", new PersonView(file, purpose,
                r.user().role() == Role.SUPERVISOR, DisclosureScreens.PERSON_LEDGER.contains(r.user().role())
                ? services.inquiry().map(i -> i.ledger().forPerson(id)).orElse(null) : null,
                services.inquiry().isPresent() && InquiryScreens.ASKERS.contains(r.user().role())));
    }

    private static long personId(ScreenRequest r) {
        String text = r.ctx().pathParam("id");
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException("no person " + text);
        }
        return Long.parseLong(text);
    }
}
