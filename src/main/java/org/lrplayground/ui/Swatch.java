package org.lrplayground.ui;

import com.vaadin.flow.component.html.Span;

/** A run's colour as a dot beside its name: the name itself stays in the text colour, readable on either theme. */
public class Swatch extends Span {

    public Swatch(String color) {
        addClassName("swatch");
        getStyle().set("background", color);
    }
}
