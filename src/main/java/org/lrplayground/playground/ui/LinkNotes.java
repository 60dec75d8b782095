package org.lrplayground.playground.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;

/** Tells what parts of a link were left out and why: links last, so a bad part is a note, never an error page. */
final class LinkNotes {

    private LinkNotes() {
    }

    static void show(List<String> notes) {
        UnorderedList list = new UnorderedList(notes.stream().map(ListItem::new).toArray(ListItem[]::new));
        Button close = new Button("OK");
        Notification n = new Notification(new Div(new Span("This link opened with some parts left out:"), list, close));
        close.addClickListener(e -> n.close());
        n.setDuration(15_000);
        n.setPosition(Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.WARNING);
        n.open();
    }
}
