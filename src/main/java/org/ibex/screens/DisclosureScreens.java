package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.border.NotFoundException;
import org.ibex.border.PersonFile;
import org.ibex.border.PersonFiles;
import org.ibex.inquiry.Disclosure;
import org.ibex.inquiry.Inquiry;
import org.ibex.inquiry.LedgerExport;
import org.ibex.web.Services;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The disclosure ledger outside the person view: a person's ledger as CSV, JSON and a letter to the person in their
 * language (opened as the person file is, so the same scope and the same access record), and the node's whole ledger
 * for oversight, searched by name or document and exported as CSV.
 */
final class DisclosureScreens implements ScreenArea {
    static final String PATH = "/disclosures";
    static final Set<Role> OVERSIGHT = Set.of(Role.ANALYST, Role.ADMIN);
    /** Who sees a person's ledger: supervisors and analysts, not the officers at the desk. */
    static final Set<Role> PERSON_LEDGER = Set.of(Role.SUPERVISOR, Role.ANALYST);
    static final int MAX_QUERY = 100;
    private static final int LISTED = 500;
    private final Shell shell;
    private final Services services;
    private final Optional<Inquiry> inquiry;
    private final PersonFiles files;

    DisclosureScreens(Shell shell, Services services) {
        this.shell = shell;
        this.services = services;
        this.inquiry = services.inquiry();
        this.files = new PersonFiles(services.database(), services.stays(), services.biometrics(), services.accessLog());
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, OVERSIGHT, this::oversight);
        routes.get(PersonScreens.SEARCH + "/{id}/disclosures.csv", PERSON_LEDGER, r -> download(r, "csv"));
        routes.get(PersonScreens.SEARCH + "/{id}/disclosures.json", PERSON_LEDGER, r -> download(r, "json"));
        routes.get(PersonScreens.SEARCH + "/{id}/disclosures/letter", PERSON_LEDGER, this::letter);
    }

    private void oversight(ScreenRequest r) {
        String q = r.query("q");
        Form form = Form.empty().set("q", q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY) : q);
        if (q.length() > MAX_QUERY) {
            form.error("q", r.t("inquiry.error.search", MAX_QUERY));
            r.ctx().status(400);
        }
        List<Disclosure> found = inquiry.isEmpty() || form.hasErrors() ? List.of()
                : inquiry.get().ledger().recent(q, LISTED);
        services.accessLog().record(AccessLog.Access.by(r.actor(), "disclosure.ledger.read",
                q.isEmpty() ? "ledger" : "ledger q=" + form.value("q")));
        if ("csv".equals(r.query("format")) && !form.hasErrors()) {
            send(r, "csv", "disclosures", found);
            return;
        }
        r.render("inquiry/disclosures.jte", r.page(r.t("inquiry.disclosures.title"), form), "joined",
                inquiry.isPresent(), "found", found, "limited", found.size() >= LISTED);
    }

    private void download(ScreenRequest r, String format) {
        long id = personId(r);
        opened(r, id, "disclosure ledger export (" + format + ")");
        send(r, format, "disclosures-person-" + id, ledger(id));
    }

    private void letter(ScreenRequest r) {
        long id = personId(r);
        Lang lang = Lang.of(r.query("lang")).orElse(r.texts().lang());
        PersonFile file = opened(r, id, "disclosure letter to the person (" + lang.code() + ")");
        Texts t = shell.texts(lang);
        r.render("inquiry/letter.jte", r.page(t.t("inquiry.letter.title"), t), "letter",
                new LedgerLetter(t, file.person(), ledger(id), services.clock().instant()));
    }

    /** Opens the person's file as the person view does: out of scope reads as missing, and the look is logged. */
    private PersonFile opened(ScreenRequest r, long id, String purpose) {
        if (inquiry.isEmpty()) {
            throw new NotFoundException("this node has not joined a federation");
        }
        return files.open(id, services.stays().today(), r.actorFor(purpose));
    }

    private List<Disclosure> ledger(long personId) {
        return inquiry.map(i -> i.ledger().forPerson(personId)).orElse(List.of());
    }

    private static void send(ScreenRequest r, String format, String name, List<Disclosure> ledger) {
        boolean csv = "csv".equals(format);
        r.ctx().contentType(csv ? "text/csv; charset=utf-8" : "application/json");
        r.ctx().header("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
        r.ctx().result(csv ? LedgerExport.csv(ledger) : LedgerExport.json(ledger));
    }

    static long personId(ScreenRequest r) {
        String text = r.ctx().pathParam("id");
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException("no person " + text);
        }
        return Long.parseLong(text);
    }
}
