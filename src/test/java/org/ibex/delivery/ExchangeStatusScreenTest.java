package org.ibex.delivery;

import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.screens.Assets;
import org.ibex.screens.ExchangeView;
import org.ibex.screens.Lang;
import org.ibex.screens.Page;
import org.ibex.screens.Render;
import org.ibex.screens.Texts;
import org.ibex.trust.NodeIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin exchange page of a node that has joined a federation (the demo node has not): a real exchange with a
 * peer that is down shows the peer and its backlog, in English and Arabic.
 */
class ExchangeStatusScreenTest {
    private static final String POST = "UTO/IMM/POST-ARL";
    private static final String HQ = "UTO/IMM/HQ";
    @TempDir
    Path dir;

    @Test
    void aJoinedNodeShowsItsPeersAndTheirBacklog() throws Exception {
        try (RunningNodes nodes = new RunningNodes(dir)) {
            TestFederation pki = new TestFederation(RunningNodes.endpoints(POST, HQ));
            RunningNodes.Running post = nodes.start(pki, POST);
            post.exchange().send(post.exchange().message(NodeIdentity.parse(HQ), "exchange.note", "link check",
                    "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
            RunningNodes.await("the sender counts the note as waiting for the peer that is down",
                    () -> post.exchange().peers().get(0).backlog() == 1);

            ExchangeView view = ExchangeView.of(post.exchange());
            assertThat(view.node()).isEqualTo(POST);
            assertThat(view.peers()).singleElement().satisfies(peer -> {
                assertThat(peer.peer()).isEqualTo(HQ);
                assertThat(peer.backlog()).isEqualTo(1);
            });
            assertThat(view.totals().queued()).isEqualTo(1);

            Map<Lang, Texts> texts = Texts.load();
            for (Lang lang : new Lang[]{Lang.EN, Lang.AR}) {
                Page page = new Page(texts.get(lang), texts.get(lang).t("admin.exchange.title"),
                        new User("admin", Role.ADMIN, null), "token", new Assets(), "/admin/exchange", null);
                String html = new Render().html("admin/exchange.jte", Map.of("page", page, "view", view));
                assertThat(html).contains(HQ, POST, texts.get(lang).t("admin.exchange.backlog"))
                        .doesNotContain("admin.exchange.", texts.get(lang).t("admin.exchange.none"));
            }
        }
    }
}
