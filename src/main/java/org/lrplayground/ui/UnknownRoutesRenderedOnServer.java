package org.lrplayground.ui;

import com.vaadin.flow.server.BootstrapInitialPredicate;
import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Answers an unknown address with HTTP 404, not 200. Vaadin serves every address the same index
 * page and routes in a second request, too late for the status; for an address no route takes it
 * navigates while serving the page instead (the "initial UIDL"), so {@link NotFoundView}'s 404 and
 * its text are in the first response, as a link checker or a search engine sees it.
 */
@Component
class UnknownRoutesRenderedOnServer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        BootstrapInitialPredicate configured = service.getBootstrapInitialPredicate();
        RouteRegistry routes = service.getRouter().getRegistry();
        service.setBootstrapInitialPredicate(request -> configured.includeInitialUidl(request) || unknown(routes, request));
    }

    private static boolean unknown(RouteRegistry routes, VaadinRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        return routes.getNavigationTarget(path.startsWith("/") ? path.substring(1) : path).isEmpty();
    }
}
