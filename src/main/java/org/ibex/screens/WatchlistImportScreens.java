package org.ibex.screens;

import io.javalin.http.UploadedFile;
import org.ibex.access.AccessDeniedException;
import org.ibex.access.Role;
import org.ibex.border.NotFoundException;
import org.ibex.watchlist.ListImport;
import org.ibex.watchlist.WatchlistFiles;
import org.ibex.watchlist.WatchlistService;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A list file imported from the browser: the upload (bounded as every upload of the node is: 24 MB a file), then
 * the import on {@link WatchlistImports}' thread while the page shows its progress, polled by htmx every second
 * or by the user's own refresh without JavaScript, then the summary: what was added, changed and removed, or the
 * rows that stopped it with nothing stored.
 */
final class WatchlistImportScreens {
    static final long MAX_FILE_BYTES = 24L * 1024 * 1024;
    private static final String IMPORT = WatchlistScreens.LISTS + "/import";
    private final WatchlistService lists;
    private final WatchlistCatalog catalog;
    private final WatchlistImports imports;

    WatchlistImportScreens(WatchlistService lists, WatchlistCatalog catalog, WatchlistImports imports) {
        this.lists = lists;
        this.catalog = catalog;
        this.imports = imports;
    }

    void routes(ScreenRoutes routes) {
        routes.get(IMPORT, WatchlistScreens.KEEPERS, r -> {
            Form form = Form.empty().set("list", r.query("list"));
            if (r.query("confirm").matches("[0-9]{1,9}")) {
                form.set("confirm", r.query("confirm"));
            }
            showForm(r, form);
        });
        routes.post(IMPORT, WatchlistScreens.KEEPERS, this::upload);
        routes.get(IMPORT + "/{job}", WatchlistScreens.KEEPERS, this::progress);
    }

    private void showForm(ScreenRequest r, Form form) {
        Map<String, String> formats = new LinkedHashMap<>();
        formats.put("", r.t("watchlist.import.formatAuto"));
        WatchlistFiles.FORMATS.forEach(format -> formats.put(format, r.t("watchlist.import.format." + format)));
        r.render("watchlist/import.jte", r.page(r.t("watchlist.import.title"), form), "formats", formats);
    }

    private void upload(ScreenRequest r) throws IOException {
        Form form = Form.empty();
        for (String field : new String[] {"list", "format", "name", "owner", "threshold", "confirm"}) {
            form.set(field, r.form(field));
        }
        String listId = form.value("list");
        if (!listId.matches("[A-Za-z0-9._-]{1,60}")) {
            form.error("list", r.t("watchlist.error.listId"));
        }
        String format = form.value("format");
        if (!format.isEmpty() && !WatchlistFiles.FORMATS.contains(format)) {
            form.error("format", r.t("watchlist.error.choice"));
        }
        if (form.value("name").length() > 300) {
            form.error("name", r.t("watchlist.error.tooLong", 300));
        }
        if (form.value("owner").length() > 300) {
            form.error("owner", r.t("watchlist.error.tooLong", 300));
        }
        Integer threshold = number(form, "threshold", 1, 100, r);
        Integer confirm = number(form, "confirm", 0, Integer.MAX_VALUE, r);
        UploadedFile upload = r.ctx().uploadedFile("file");
        if (upload == null || upload.size() == 0) {
            form.error("file", r.t("watchlist.error.file"));
        } else if (upload.size() > MAX_FILE_BYTES) {
            form.error("file", r.t("watchlist.error.fileSize", 24));
        }
        if (!form.hasErrors()) {
            boolean exists = permitted(listId, r);
            if (!exists && r.user().role() == Role.LIST_MANAGER && form.value("owner").isEmpty()) {
                form.error("owner", r.t("watchlist.error.owner"));
            }
        }
        if (form.hasErrors()) {
            r.ctx().status(400);
            showForm(r, form);
            return;
        }
        Path file = Files.createTempFile("ibex-watchlist-upload", extension(upload.filename()));
        try (InputStream in = upload.content()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        ListImport request = new ListImport(listId, blank(form.value("name")), blank(form.value("owner")), null,
                threshold, confirm);
        Optional<String> job = imports.start(request, file, shortName(upload.filename()), blank(format), r.actor());
        if (job.isEmpty()) {
            form.error("file", r.t("watchlist.error.busy"));
            r.ctx().status(503);
            showForm(r, form);
            return;
        }
        r.redirect(IMPORT + "/" + job.get());
    }

    /** Refuses before the upload is kept: a list the user may not see, or may not change; true when it exists. */
    private boolean permitted(String listId, ScreenRequest r) {
        boolean exists = lists.records().stream().anyMatch(record -> record.info().id().equals(listId));
        if (exists && !catalog.find(listId, r.actor()).mayChange()) {
            throw new AccessDeniedException(r.actor().username() + " may not change watchlist '" + listId + "'");
        }
        return exists;
    }

    private void progress(ScreenRequest r) {
        WatchlistViews.ImportView view = imports.find(r.ctx().pathParam("job"), r.user().username())
                .orElseThrow(() -> new NotFoundException("no such import"));
        if (r.htmx()) {
            r.render("watchlist/progress.jte", r.page(r.t("watchlist.import.progressTitle")), "view", view);
        } else {
            r.render("watchlist/importJob.jte", r.page(r.t("watchlist.import.progressTitle")), "view", view);
        }
    }

    private static Integer number(Form form, String field, int min, int max, ScreenRequest r) {
        String text = form.value(field);
        if (text.isEmpty()) {
            return null;
        }
        if (text.matches("[0-9]{1,9}")) {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        form.error(field, r.t("watchlist.error.number", min, max == Integer.MAX_VALUE ? "∞" : max));
        return null;
    }

    private static String extension(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? ".csv" : name.endsWith(".json") ? ".json" : name.endsWith(".xml") ? ".xml" : ".list";
    }

    /** The file's name as the user's machine gave it, cut short and without any path, to show on the page. */
    private static String shortName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "");
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
