package org.lrplayground.classroom.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A student's notices, newest first, at most one of each kind, each with its close button. Their
 * box has a height of its own (classroom.css), so that on a phone they never push the plot below
 * the fold however many there are.
 */
final class Notices extends Div {

    /** What a notice is about; a newer notice of a kind replaces the older one. */
    enum Kind { PLACE, SCENE, STATE, LOCKED, SPOTLIGHT }

    private final Map<Kind, Div> shown = new EnumMap<>(Kind.class);

    Notices() {
        setId("class-notices");
        addClassName("class-notices");
        getElement().setAttribute("role", "status");
    }

    /** Shows a notice on top, in place of the one of its kind. */
    void show(Kind kind, Span text, Component... actions) {
        drop(kind);
        text.addClassName("notice-text");
        Div notice = new Div(text);
        notice.add(actions);
        notice.addClassNames("class-notice", "notice-" + kind.name().toLowerCase(Locale.ROOT));
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> drop(kind));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        close.setAriaLabel("Dismiss");
        close.addClassName("notice-close");
        notice.add(close);
        addComponentAsFirst(notice);
        shown.put(kind, notice);
    }

    void drop(Kind kind) {
        Div notice = shown.remove(kind);
        if (notice != null) {
            remove(notice);
        }
    }
}
