package org.ibex.demo;

import java.io.PrintStream;

/**
 * What the federation demo prints once its messages have arrived: each node's web URL, exchange port and log, and
 * the requests to try. A curl is offered only for nodes that keep running; after {@code --exit-after-demo} the
 * nodes are stopped, so it says how to read the same from their data folders instead.
 */
public final class FederationSummary {
    private static final String HQ = "UTO/IMM/HQ";
    private static final String FOREIGN_HQ = "XXB/IMM/HQ";
    private static final String TOKEN = " | sed 's/.*\"token\":\"\\([^\"]*\\)\".*/\\1/'";

    private final FederationLayout layout;
    private final PrintStream out;

    public FederationSummary(FederationLayout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    /** Prints the nodes; {@code keepRunning} says whether they serve after this, so whether a curl can reach them. */
    public void print(boolean keepRunning) {
        out.println();
        out.println("IBEX federation on 127.0.0.1 (" + layout.root() + "); every node has the login "
                + FederationSetup.ADMIN + " / " + FederationSetup.ADMIN_PASSWORD + ":");
        for (FederationLayout.Member member : layout.members()) {
            out.println("  " + member.id() + " (" + member.description() + ")");
            out.println("    web " + member.webUrl() + ", exchange port " + member.exchangePort() + ", log "
                    + layout.log(member));
            if (keepRunning) {
                out.println("    curl -s -H \"Authorization: Bearer $(curl -s " + member.webUrl() + "/api/login -d '"
                        + login() + "'" + TOKEN + ")\" " + member.webUrl() + "/api/exchange/status");
            }
        }
        out.println("The officers " + OfflinePostStory.officer(OfflinePostStory.AIRPORT) + " (" + OfflinePostStory.AIRPORT
                + ") and " + OfflinePostStory.officer(OfflinePostStory.LAND) + " (" + OfflinePostStory.LAND
                + ") and the analyst " + OfflinePostStory.HQ_ANALYST + " (" + HQ + ") log in with "
                + OfflinePostStory.PASSWORD + ".");
        out.println("So do the questions' " + AgencyQuestionsStory.INVESTIGATOR + " (" + AgencyQuestionsStory.POLICE
                + "), " + AgencyQuestionsStory.INSPECTOR + " (" + AgencyQuestionsStory.LABOUR + ") and "
                + AgencyQuestionsStory.HQ_SUPERVISOR + " (" + HQ + ", the approval queue); the agreements they ask"
                + " under are signed files in " + layout.agreements() + ".");
        out.println("Identity confirmation between the states (" + DemoAgreements.IDENTITY + "): "
                + DemoGalleries.XXB_LIAISON + " (" + FOREIGN_HQ + ") probes Utopia's gallery and asks for releases, "
                + AgencyQuestionsStory.HQ_SUPERVISOR + " (" + HQ + ") approves them and shows the probes received;"
                + " the deletion receipts are in " + layout.receipts() + ", each verified offline with: ibex receipt"
                + " FILE --anchor " + layout.rootCa().resolve("ca.pem"));
        if (keepRunning) {
            printPing();
        } else {
            FederationLayout.Member hq = layout.member(HQ);
            out.println("The nodes stop now (--exit-after-demo). Their data folders stay; read one with:");
            out.println("  IBEX_PKI_PASSPHRASE=$(cat " + layout.passphraseFile() + ") ibex exchange status --data "
                    + layout.data(hq));
            out.println("or run the demo again without --exit-after-demo to keep them serving.");
        }
        out.flush();
    }

    private void printPing() {
        FederationLayout.Member hq = layout.member(HQ);
        out.println("Send a ping from " + HQ + " to " + FOREIGN_HQ + " yourself:");
        out.println("  TOKEN=$(curl -s " + hq.webUrl() + "/api/login -d '" + login() + "'" + TOKEN + ")");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" -d '{\"to\":\"" + FOREIGN_HQ
                + "\",\"type\":\"exchange.ping\"}' " + hq.webUrl() + "/api/exchange/messages");
        out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + hq.webUrl() + "/api/exchange/inbox");
    }

    private static String login() {
        return "{\"username\":\"" + FederationSetup.ADMIN + "\",\"password\":\"" + FederationSetup.ADMIN_PASSWORD + "\"}";
    }
}
