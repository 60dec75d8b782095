package org.lrplayground.playground.ui;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Set;

/** What the browserless tests of the playground's dialogs share: the view built with its services, opened on a scene. */
abstract class PlaygroundPageTest extends BrowserlessTest {

    /** The view gets {@link PlaygroundViewTest}'s services; each test has its own session. */
    @Override
    protected Set<Class<?>> lookupServices() {
        return Set.of(PlaygroundViewTest.ServiceInjectingInstantiatorFactory.class);
    }

    /** The playground opened on {@code query}, as a link opens it. */
    PlaygroundView open(String query) {
        UI.getCurrent().navigate("", QueryParameters.fromString(query));
        return (PlaygroundView) getCurrentView();
    }
}
