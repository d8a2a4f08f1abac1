package org.ibex.node;

import org.ibex.screens.CommonScreens;
import org.ibex.screens.Screens;
import org.ibex.web.ServerSettings;
import org.ibex.web.Services;
import org.ibex.web.WebServer;

import java.util.List;

/** The node's server as people meet it: the API with the web application's screens mounted beside it. */
public final class WebApplication {
    private WebApplication() {
    }

    public static WebServer start(ServerSettings settings, Services services, List<CommonScreens.DemoLogin> demoLogins) {
        return WebServer.start(settings, services, List.of(new Screens(services, settings.tls(), demoLogins)));
    }
}
