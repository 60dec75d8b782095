package org.lrplayground.playground.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

@Route("")
@PageTitle("Learning-Rate Playground")
public class PlaygroundView extends VerticalLayout {
    public PlaygroundView() {
        add(new H1("Learning-Rate Playground"));
    }
}
