package org.lrplayground.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.HttpStatusCode;

/**
 * What an address the playground does not know shows, in place of Vaadin's route list: a way back
 * to the playground and to the lessons, answered with 404 (see {@link UnknownRoutesRenderedOnServer}).
 */
@PageTitle("Page not found · Learning-Rate Playground")
@StyleSheet("context://components/not-found.css")
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    /** Long enough for any address a person types or pastes, short enough to keep the page tidy. */
    private static final int SHOWN = 60;

    final Code path = new Code();

    public NotFoundView() {
        addClassName("not-found");
        // Relative links: Vaadin's <base href> points at the application's root from any depth.
        Anchor playground = new Anchor("./", "Open the Learning-Rate Playground");
        playground.addClassName("button");
        Anchor lessons = new Anchor("lessons", "Follow the lessons");
        add(new H1("This page does not exist"),
                new Paragraph(new Span("There is nothing at "), path,
                        new Span(". The address may be mistyped or cut short; a playground's own link starts with "),
                        new Code("/?"), new Span(", a short link with "), new Code("/s/"), new Span(".")),
                new Div(playground, lessons));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String shown = "/" + event.getLocation().getPath();
        path.setText(shown.length() > SHOWN ? shown.substring(0, SHOWN) + "…" : shown);
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
