package org.lrplayground.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.RouterLayout;

/**
 * The frame of every page: a header with the app's name, the navigation (Playground · Lessons)
 * and the theme button, and the page itself in the {@code <main>} landmark. The theme is Lumo's
 * {@code theme} attribute on {@code <html>}: chosen by hand it outlives a move to another page of
 * the tab; until then it follows the system.
 */
@StyleSheet("context://components/app.css")
public class MainLayout extends Div implements RouterLayout, AfterNavigationObserver {

    private final Main main = new Main();
    private final Anchor playground = new Anchor("./", "Playground");
    private final Anchor lessons = new Anchor("lessons", "Lessons");
    private final Anchor host = new Anchor("host", "Host a class");
    private final Button theme = new Button(VaadinIcon.ADJUST.create());
    private boolean dark;

    public MainLayout() {
        addClassName("app");
        Anchor title = new Anchor("./", "Learning-Rate Playground");
        title.addClassName("app-title");
        Span actions = new Span();
        actions.addClassName("app-actions");
        host.setId("host-class");
        Nav nav = new Nav(playground, lessons, host);
        nav.addClassName("app-nav");
        nav.setAriaLabel("Pages");
        theme.setId("theme");
        theme.setAriaLabel("Dark theme");
        theme.setTooltipText("Switch between light and dark");
        theme.addThemeVariants(ButtonVariant.TERTIARY);
        theme.addClickListener(e -> setDark(!dark));
        Header header = new Header(title, nav, theme);
        header.addClassName("app-header");
        main.addClassName("app-main");
        add(header, main);
        getElement().addEventListener("lr-prefers-dark", e -> setDark(true));
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        boolean onLessons = event.getLocation().getFirstSegment().equals("lessons");
        String page = event.getLocation().getFirstSegment();
        mark(playground, page.isEmpty());
        mark(lessons, onLessons);
        mark(host, page.equals("host"));
        if (!page.isEmpty()) {
            setHostScene(""); // the playground offers its own scene
        }
        theme.setVisible(true); // a page may hide it again (a link's hide=theme)
    }

    private static void mark(Anchor link, boolean current) {
        if (current) {
            link.getElement().setAttribute("aria-current", "page");
        } else {
            link.getElement().removeAttribute("aria-current");
        }
    }

    /** The layout a component is shown in, if any. */
    public static java.util.Optional<MainLayout> of(com.vaadin.flow.component.Component c) {
        for (var p = c.getParent(); p.isPresent(); p = p.get().getParent()) {
            if (p.get() instanceof MainLayout layout) {
                return java.util.Optional.of(layout);
            }
        }
        return java.util.Optional.empty();
    }

    /** "Host a class" makes a class of this scene (a run-format query; blank for the default one). */
    public void setHostScene(String query) {
        host.setHref(query == null || query.isBlank() ? "host" : "host?" + query);
    }

    /** The theme button, which a link may hide. */
    public Button themeButton() {
        return theme;
    }

    /** Whether the dark theme is on. */
    public boolean dark() {
        return dark;
    }

    private void setDark(boolean on) {
        dark = on;
        // 'light' rather than no attribute: the choice then outlives a visit to another page in this tab.
        getElement().executeJs("document.documentElement.setAttribute('theme', $0)", on ? "dark" : "light");
        theme.setAriaLabel(on ? "Light theme" : "Dark theme");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // The dark theme when chosen earlier in this tab, or else when the system is in dark mode.
        getElement().executeJs("""
                const chosen = document.documentElement.getAttribute('theme');
                if (chosen === 'dark' || (!chosen && matchMedia('(prefers-color-scheme: dark)').matches)) {
                  this.dispatchEvent(new CustomEvent('lr-prefers-dark'));
                }""");
    }
}
