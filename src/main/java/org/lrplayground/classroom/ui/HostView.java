package org.lrplayground.classroom.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.EnumSet;
import org.lrplayground.classroom.Challenge;
import org.lrplayground.classroom.Change;
import org.lrplayground.classroom.ClassroomController;
import org.lrplayground.classroom.ClassroomService;
import org.lrplayground.engine.format.FormatException;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.link.PageLink;
import org.lrplayground.playground.ui.PlaygroundView;
import org.lrplayground.share.RateLimitedException;
import org.lrplayground.ui.MainLayout;

/**
 * "Host a class": a scene (the playground's or a lesson's, handed over in the address) becomes a
 * class with a challenge and what students may change; making it opens the teacher's board.
 */
@Route(value = "host", layout = MainLayout.class)
@PageTitle("Host a class · Learning-Rate Playground")
@StyleSheet("context://components/classroom.css")
public class HostView extends Div implements BeforeEnterObserver {

    private final ClassroomService classes;
    final TextArea scene = new TextArea("Scene");
    final RadioButtonGroup<Challenge> challenge = new RadioButtonGroup<>("Challenge: the leaderboard ranks by");
    final CheckboxGroup<Change> allowed = new CheckboxGroup<>("Students may change");
    final Button make = new Button("Make the class");

    public HostView(ClassroomService classes) {
        this.classes = classes;
        addClassName("class-host");
        scene.setId("host-scene");
        scene.setWidthFull();
        scene.setHelperText("A playground link or its scene: the surface, the start, the steps and the runs students begin with");
        challenge.setId("host-challenge");
        challenge.setItems(Challenge.values());
        challenge.setItemLabelGenerator(c -> switch (c) {
            case NONE -> "nothing: no leaderboard";
            case CLOSEST -> "closest to the minimum after the scene's steps";
            case FASTEST -> "fewest steps to converge";
            case LOWEST -> "lowest final loss";
        });
        challenge.setValue(Challenge.CLOSEST);
        allowed.setId("host-allowed");
        allowed.setItems(Change.values());
        allowed.setItemLabelGenerator(c -> switch (c) {
            case OPTIMIZER -> "the optimizer";
            case HYPERPARAMETERS -> "its hyperparameters (lr, betas, …)";
            case SCHEDULE -> "the schedule";
            case START -> "the start";
        });
        allowed.setValue(EnumSet.allOf(Change.class));
        make.setId("make-class");
        make.addThemeVariants(ButtonVariant.PRIMARY);
        make.addClickListener(e -> make());
        add(new H1("Host a class"),
                new Paragraph("Students join on their phones with a code, play with this scene and hand in their runs; "
                        + "the board shows every hand-in live, ranks them, and plots the room's results against lr."),
                scene, challenge, allowed, make);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String query = event.getLocation().getQueryParameters().getQueryString();
        // Only the scene: what a link adds for its viewers (hidden controls, speed) is no class's business.
        scene.setValue("?" + RunFormat.format(PageLink.open(query.isBlank() ? PlaygroundView.DEFAULT_QUERY : query).spec()));
    }

    private void make() {
        String text = scene.getValue().strip();
        int query = text.indexOf('?');
        ClassroomService.NewClass made;
        try {
            made = classes.create(query < 0 ? text : text.substring(query + 1), challenge.getValue(), allowed.getValue(),
                    UI.getCurrent().getSession().getBrowser().getAddress());
        } catch (FormatException e) {
            scene.setInvalid(true);
            scene.setErrorMessage(Sentences.of(e));
            return;
        } catch (RateLimitedException e) {
            Notification.show(e.getMessage());
            return;
        }
        // A page load, not a router move: the board reads the key from its fragment and keeps it.
        getUI().ifPresent(ui -> ui.getPage().setLocation(ClassroomController.BOARD.substring(1) + made.code()
                + "#key=" + made.teacherKey()));
    }
}
