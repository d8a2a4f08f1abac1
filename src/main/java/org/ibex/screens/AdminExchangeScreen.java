package org.ibex.screens;

import org.ibex.delivery.ExchangeNode;

import java.util.Optional;

/** The node's place in the federation: its directory, its sender, message counts, and each peer's backlog. */
final class AdminExchangeScreen implements ScreenArea {
    private final Optional<ExchangeNode> exchange;

    AdminExchangeScreen(Optional<ExchangeNode> exchange) {
        this.exchange = exchange;
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get("/admin/exchange", AdminScreens.ADMIN, r -> r.render("admin/exchange.jte",
                r.page(r.t("admin.exchange.title")), "view", exchange.map(ExchangeView::of).orElse(null)));
    }
}
