package org.ibex.screens;

/** What a screen does with a request, once the shell has checked the session, the role and the CSRF token. */
@FunctionalInterface
public interface ScreenHandler {
    void handle(ScreenRequest request) throws Exception;
}
