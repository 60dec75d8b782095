package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * What the playground's analysis dialogs (lr finder, basins, tuning) share: a title, a line saying
 * what was computed above the content, styled by the dialog's own class ({@code <name>} and
 * {@code <name>-what}), and a Close button in the footer.
 */
abstract class AnalysisDialog extends Dialog {

    /** The content under the explaining line; subclasses add their charts and controls. */
    final Div content = new Div();
    private final Paragraph what = new Paragraph();

    AnalysisDialog(String title, String styleName) {
        setHeaderTitle(title);
        what.addClassName(styleName + "-what");
        content.addClassName(styleName);
        content.add(what);
        add(content);
        Button close = new Button("Close", e -> close());
        close.addThemeVariants(ButtonVariant.TERTIARY);
        getFooter().add(close);
    }

    /** Says what the dialog computed. */
    void explain(String text) {
        what.setText(text);
    }

    /** Adds the components under the explaining line. */
    void show(Component... components) {
        content.add(components);
    }
}
