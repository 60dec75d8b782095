package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lrplayground.app.WorkBudget;

/**
 * What the playground's analysis dialogs (lr finder, basins, tuning) share: a title, a line saying
 * what was computed above the content, styled by the dialog's own class ({@code <name>} and
 * {@code <name>-what}), a line saying that the work is computing or why it was not computed
 * ({@code <name>-status}), and a Close button in the footer.
 */
abstract class AnalysisDialog extends Dialog {

    /** The content under the explaining line; subclasses add their charts and controls. */
    final Div content = new Div();
    /** "Computing…" while the dialog's main work computes, or why it was not computed; hidden otherwise. */
    final Paragraph status = new Paragraph();
    /** The dialog's main work, cancelled when the dialog closes or the page goes. */
    final Pending work = new Pending(this, this::refuse);
    private final Paragraph what = new Paragraph();

    AnalysisDialog(String title, String styleName) {
        setHeaderTitle(title);
        what.addClassName(styleName + "-what");
        status.addClassName(styleName + "-status");
        status.getElement().setAttribute("role", "status");
        status.setVisible(false);
        content.addClassName(styleName);
        content.add(what, status);
        add(content);
        Button close = new Button("Close", e -> close());
        close.addThemeVariants(ButtonVariant.TERTIARY);
        getFooter().add(close);
    }

    /** Says what the dialog computed. */
    void explain(String text) {
        what.setText(text);
    }

    /** Starts the dialog's main work (replacing any still computing), then {@code show}s its result. */
    <T> void compute(Supplier<WorkBudget.Job<T>> start, Consumer<T> show) {
        status.setText("Computing…");
        status.setVisible(true);
        work.start(start, value -> {
            status.setVisible(false);
            show.accept(value);
        });
    }

    private void refuse(String text) {
        status.setText(text);
        status.setVisible(true);
    }

    /** Adds the components under the explaining line. */
    void show(Component... components) {
        content.add(components);
    }
}
