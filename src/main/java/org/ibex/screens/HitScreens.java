package org.ibex.screens;

import org.ibex.access.Role;
import org.ibex.border.Crossing;
import org.ibex.border.CrossingRepository;
import org.ibex.border.InvalidInputException;
import org.ibex.border.NotFoundException;
import org.ibex.border.Page;
import org.ibex.store.ConflictException;
import org.ibex.watchlist.StoredHit;
import org.ibex.web.Services;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hits awaiting review at the supervisor's post, and the review of one: the traveller beside the listed entry, the
 * match explanation, the hit's trail of dispositions, and the decision. Confirming takes two supervisors, as
 * {@link org.ibex.border.HitReview} rules: the screen offers the first supervisor no second confirmation, and the
 * domain refuses one all the same.
 */
public final class HitScreens implements ScreenArea {
    static final String LIST = "/supervisor/hits";
    private static final Set<Role> SUPERVISORS = Set.of(Role.SUPERVISOR);
    /** Crossings with open hits read per page; each answers its hits. */
    private static final int PAGE = 50;
    private static final int MAX_REASON = 1000;
    private final Services services;
    private final ListedEntries entries;

    public HitScreens(Shell shell, Services services) {
        this.services = services;
        this.entries = new ListedEntries(services.watchlists());
    }

    static String reviewPath(long crossingId, long hitId) {
        return LIST + "/" + crossingId + "/" + hitId;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(LIST, SUPERVISORS, this::list);
        routes.get(LIST + "/{crossing}/{hit}", SUPERVISORS, r -> showReview(r, review(r), Form.empty()));
        routes.post(LIST + "/{crossing}/{hit}", SUPERVISORS, this::dispose);
    }

    private void list(ScreenRequest r) {
        Long before = before(r.query("before"));
        Page<Crossing> crossings = services.border().page(new CrossingRepository.Filter(r.user().postId(), null, null,
                null, null, null, true, before, PAGE), r.actor());
        List<HitViews.Row> rows = new ArrayList<>();
        for (Crossing crossing : crossings.items()) {
            for (StoredHit hit : services.hitReview().hitsOf(crossing.id(), r.actor())) {
                if (awaiting(hit)) {
                    rows.add(new HitViews.Row(crossing, hit));
                }
            }
        }
        String next = crossings.more() ? LIST + "?before=" + crossings.items().get(crossings.items().size() - 1).id()
                : null;
        r.render("hits/list.jte", r.page(r.t("hits.list.title")), "rows", rows, "next", next);
    }

    private static boolean awaiting(StoredHit hit) {
        return hit.suppression() == null && (hit.status() == StoredHit.Status.OPEN
                || hit.status() == StoredHit.Status.CONFIRMATION_PENDING);
    }

    private static Long before(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw InvalidInputException.of("before", "whole-number", "before must be a crossing number");
        }
        return Long.parseLong(text);
    }

    private HitViews.Review review(ScreenRequest r) {
        long crossingId = pathId(r, "crossing");
        long hitId = pathId(r, "hit");
        // Both reads answer a crossing of another post exactly as a missing one.
        Crossing crossing = services.border().get(crossingId, r.actor());
        StoredHit hit = services.hitReview().hitsOf(crossingId, r.actor()).stream().filter(h -> h.id() == hitId)
                .findFirst().orElseThrow(() -> new NotFoundException("no hit " + hitId + " on crossing " + crossingId));
        boolean open = hit.status() == StoredHit.Status.OPEN || hit.status() == StoredHit.Status.CONFIRMATION_PENDING;
        boolean mine = hit.confirmers().contains(r.user().username());
        return new HitViews.Review(new HitViews.Row(crossing, hit),
                ListedEntries.quietly(() -> entries.person(hit, r.actor())).orElse(null),
                ListedEntries.quietly(() -> entries.document(hit, crossing, r.actor())).orElse(null),
                open && !mine, mine && hit.status() == StoredHit.Status.CONFIRMATION_PENDING, open);
    }

    private static long pathId(ScreenRequest r, String name) {
        String text = r.ctx().pathParam(name);
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException("no " + name + " " + text);
        }
        return Long.parseLong(text);
    }

    private void showReview(ScreenRequest r, HitViews.Review review, Form form) {
        r.render("hits/review.jte", r.page(r.t("hits.review.title", String.valueOf(review.hit().id())), form), "review", review,
                "done", !r.query("done").isEmpty());
    }

    private void dispose(ScreenRequest r) {
        HitViews.Review review = review(r);
        String outcomeText = r.form("outcome");
        String reason = r.form("reason");
        Form form = Form.empty().set("outcome", outcomeText).set("reason", reason);
        StoredHit.Outcome outcome = switch (outcomeText) {
            case "CONFIRMED" -> StoredHit.Outcome.CONFIRMED;
            case "FALSE_ALERT" -> StoredHit.Outcome.FALSE_ALERT;
            default -> null;
        };
        if (outcome == null) {
            form.error("outcome", r.t("hits.error.outcome"));
        }
        if (reason.isEmpty()) {
            form.error("reason", r.t("hits.error.reason"));
        } else if (reason.length() > MAX_REASON) {
            form.error("reason", r.t("hits.error.reasonLong", MAX_REASON));
        }
        if (!form.hasErrors()) {
            try {
                StoredHit after = services.hitReview().dispose(review.crossing().id(), review.hit().id(), outcome,
                        reason, r.actor());
                r.redirect(reviewPath(review.crossing().id(), review.hit().id()) + "?done="
                        + after.status().name().toLowerCase(java.util.Locale.ROOT));
                return;
            } catch (ConflictException e) {
                String key = "hits.conflict." + e.code();
                form.error("outcome", r.texts().has(key) ? r.t(key) : e.getMessage());
                r.ctx().status(409);
                showReview(r, review, form);
                return;
            }
        }
        r.ctx().status(400);
        showReview(r, review, form);
    }
}
