package org.ibex.screens;

import io.javalin.http.UploadedFile;
import org.ibex.access.Role;
import org.ibex.agreement.AgreementBook;
import org.ibex.agreement.AgreementException;
import org.ibex.agreement.AgreementFile;
import org.ibex.agreement.AgreementOverview;
import org.ibex.agreement.InstalledAgreement;
import org.ibex.border.NotFoundException;
import org.ibex.input.FieldRuleException;
import org.ibex.store.Database;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agreements with other agencies or states: every agreement with its parties, signers, validity and quota used; one
 * agreement's every version; an admin installs a signed file and revokes the version in force, each audited by the
 * book as through the API.
 */
final class AgreementScreens implements ScreenArea {
    static final String PATH = "/agreements";
    static final Set<Role> READERS = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.ANALYST);
    private static final Set<Role> ADMINS = Set.of(Role.ADMIN);
    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,63}");
    /** What is acted on comes first; ended agreements after, each group by id. */
    private static final Comparator<AgreementRow> IN_FORCE_FIRST = Comparator
            .comparing((AgreementRow row) -> !(row.inForce() && row.problem().isEmpty()))
            .thenComparing(AgreementRow::id);
    private final Database database;
    private final Optional<AgreementBook> book;
    private final Clock clock;

    AgreementScreens(Database database, Optional<AgreementBook> book, Clock clock) {
        this.database = database;
        this.book = book;
        this.clock = clock;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(PATH, READERS, r -> list(r, Form.empty()));
        routes.post(PATH, ADMINS, this::install);
        routes.get(PATH + "/{id}", READERS, r -> detail(r, id(r), Form.empty()));
        routes.post(PATH + "/{id}/revoke", ADMINS, this::revoke);
    }

    private Optional<AgreementOverview> overview() {
        return book.map(b -> new AgreementOverview(database, b, clock));
    }

    private void list(ScreenRequest r, Form form) {
        Optional<AgreementOverview> overview = overview();
        Map<String, AgreementRow> latest = new LinkedHashMap<>();
        overview.ifPresent(o -> o.all().forEach(e -> latest.putIfAbsent(e.installed().id(),
                AgreementRow.of(e, r.texts()))));
        r.render("agreement/list.jte", r.page(r.t("agreement.title"), form), "joined", overview.isPresent(),
                "node", book.map(b -> b.self().toString()).orElse(""), "agreements", latest.values().stream()
                        .sorted(IN_FORCE_FIRST).toList(),
                "admin", r.user().role() == Role.ADMIN, "done", done(r));
    }

    private void detail(ScreenRequest r, String id, Form form) {
        AgreementOverview overview = overview().orElseThrow(() -> new NotFoundException("no agreements here"));
        List<AgreementRow> versions = overview.of(id).stream().map(e -> AgreementRow.of(e, r.texts())).toList();
        if (versions.isEmpty()) {
            throw new NotFoundException("no agreement " + id);
        }
        r.render("agreement/detail.jte", r.page(r.t("agreement.detail.title", id), form), "id", id,
                "versions", versions, "admin", r.user().role() == Role.ADMIN, "done", done(r));
    }

    private static String done(ScreenRequest r) {
        return !r.query("installed").isEmpty() ? r.t("agreement.done.installed", r.query("installed"))
                : !r.query("revoked").isEmpty() ? r.t("agreement.done.revoked", r.query("revoked")) : "";
    }

    private static String id(ScreenRequest r) {
        String id = r.ctx().pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("no agreement " + id);
        }
        return id;
    }

    private void install(ScreenRequest r) throws IOException {
        Form form = Form.empty();
        if (book.isEmpty()) {
            form.error("file", r.t("agreement.error.notJoined"));
        }
        UploadedFile upload = r.ctx().uploadedFile("file");
        byte[] file = null;
        if (upload == null || upload.size() == 0) {
            form.error("file", r.t("agreement.error.file"));
        } else if (upload.size() > AgreementFile.MAX_BYTES) {
            form.error("file", r.t("agreement.error.fileSize", AgreementFile.MAX_BYTES / 1024));
        } else {
            try (InputStream in = upload.content()) {
                file = in.readNBytes(AgreementFile.MAX_BYTES + 1);
            }
        }
        if (!form.hasErrors()) {
            try {
                InstalledAgreement installed = book.get().install(file, r.actor());
                r.redirect(PATH + "/" + installed.id() + "?installed=" + installed.reference());
                return;
            } catch (AgreementException e) {
                form.error("file", r.t(e.kind() == AgreementException.Kind.INVALID ? "agreement.error.invalid"
                        : "agreement.error.unusable", e.field().isEmpty() || e.getMessage().startsWith(e.field())
                        ? e.getMessage() : e.field() + ": " + e.getMessage()));
            } catch (FieldRuleException e) {
                form.error("file", r.t("agreement.error.version", e.getMessage()));
            }
        }
        r.ctx().status(400);
        list(r, form);
    }

    private void revoke(ScreenRequest r) {
        String id = id(r);
        AgreementBook agreements = book.orElseThrow(() -> new NotFoundException("no agreements here"));
        Form form = Form.empty().set("reason", r.form("reason"));
        String reason = form.value("reason").strip();
        if (reason.isEmpty() || reason.length() > 500) {
            form.error("reason", r.t("agreement.error.reason"));
        } else {
            try {
                InstalledAgreement revoked = agreements.revoke(id, reason, r.actor());
                r.redirect(PATH + "/" + id + "?revoked=" + revoked.reference());
                return;
            } catch (NotFoundException e) {
                form.error("reason", r.t("agreement.error.notInForce"));
            }
        }
        r.ctx().status(400);
        detail(r, id, form);
    }
}
