package org.lrplayground.playground.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InputStreamDownloadHandler;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.engine.run.RunSpec;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;
import org.lrplayground.playground.Control;
import org.lrplayground.share.QrCodes;
import org.lrplayground.share.RateLimitedException;
import org.lrplayground.share.ShortLinkController;
import org.lrplayground.share.ShortLinkService;

/**
 * The teacher's share dialog: the scene as a link, with what viewers will see (runs start by
 * themselves, hidden controls), a short link with its QR code, and an iframe snippet. Every
 * option rewrites the link at once; a short link made before a change no longer matches and is
 * withdrawn.
 *
 * <p>Links are absolute against {@code home}, the playground's address as the teacher's browser
 * sees it, so they hold behind a proxy or under a path prefix without any server setting.
 */
class ShareDialog extends Dialog {

    private final ShortLinkService links;
    private final URI home;
    private final RunSpec spec;
    private final PageOptions scene;
    private final List<String> hideable;

    final TextField link = readOnlyField("Link", "share-link");
    final Button copyLink = new Button("Copy");
    final Anchor preview = new Anchor("", "Preview");
    final Checkbox play = new Checkbox("Start the runs when the link opens");
    final CheckboxGroup<String> hide = new CheckboxGroup<>("Hide for viewers");
    final Span summary = new Span();
    final Button makeShort = new Button("Make short link", VaadinIcon.LINK.create());
    final Span shortMessage = new Span();
    final TextField shortLink = readOnlyField("Short link", "share-short-link");
    final Button copyShort = new Button("Copy");
    final Image qr = new Image();
    final Anchor downloadQr = new Anchor("", "Download PNG");
    final Div shortResult = new Div();
    final TextArea embed = new TextArea("Embed in a web page or slide");
    final Button copyEmbed = new Button("Copy");

    /**
     * @param home     the playground's absolute address, ending in '/'
     * @param scene    what the link carries beyond the spec as the teacher sees it now (speed, layout, hidden controls, lesson)
     * @param hideable the names {@code hide=} accepts, in the order to offer them
     */
    ShareDialog(ShortLinkService links, URI home, RunSpec spec, PageOptions scene, List<String> hideable) {
        this.links = links;
        this.home = home;
        this.spec = spec;
        this.scene = scene;
        this.hideable = List.copyOf(hideable);
        setHeaderTitle("Share this scene");
        setWidth("min(46rem, 96vw)");
        addClassName("share-dialog");

        preview.setTarget(AnchorTarget.BLANK);
        preview.setId("share-preview");
        preview.getElement().setAttribute("title", "Open the link in a new tab, as a viewer sees it");
        play.setId("share-play");
        hide.setId("share-hide");
        hide.setItems(this.hideable);
        hide.setItemLabelGenerator(ShareDialog::label);
        hide.setValue(this.hideable.stream().filter(scene.hide()::contains).collect(Collectors.toSet()));
        summary.addClassName("share-summary");
        makeShort.setId("share-make-short");
        makeShort.addClickListener(e -> makeShortLink());
        shortMessage.addClassName("share-message");
        qr.setId("share-qr");
        qr.addClassName("share-qr");
        shortResult.addClassName("share-short");
        downloadQr.setId("share-qr-download");
        Div qrBox = new Div(qr, downloadQr);
        qrBox.addClassName("share-qr-box");
        shortResult.add(row(shortLink, copyShort), qrBox);
        showShortResult(false);
        embed.setReadOnly(true);
        embed.setId("share-embed");
        embed.addClassName("share-embed");
        copyLink.setId("share-copy-link");
        copyShort.setId("share-copy-short");
        copyEmbed.setId("share-copy-embed");
        copyOnClick(copyLink, link);
        copyOnClick(copyShort, shortLink);
        copyOnClick(copyEmbed, embed);

        Div content = new Div(
                new Paragraph("Whoever opens this link sees the surface, the runs and their settings as they are now."),
                row(link, copyLink, preview), play, hide, summary,
                section(new Div(makeShort, shortMessage), shortResult),
                row(embed, copyEmbed),
                hostClass(spec));
        content.addClassName("share-content");
        add(content);
        Button close = new Button("Close", e -> close());
        close.setId("share-close");
        getFooter().add(close);

        play.addValueChangeListener(e -> optionsChanged());
        hide.addValueChangeListener(e -> optionsChanged());
        update();
    }

    /** A class of this scene: students join with a code and hand in, the teacher's board shows it all live. */
    private static Paragraph hostClass(RunSpec spec) {
        Anchor host = new Anchor("host?" + RunFormat.format(spec), "Host a class with this scene");
        host.setId("share-host-class");
        return new Paragraph(host, new Text(": students join with a code on their phones and hand in their runs; "
                + "your board shows them live."));
    }

    /** The link's options as the dialog sets them: the scene's, with autoplay and the ticked controls in offer order. */
    PageOptions options() {
        return scene.withPlay(play.getValue()).withHide(hideable.stream().filter(hide.getValue()::contains).toList());
    }

    /** The full absolute link. */
    String linkText() {
        return home + "?" + PageLink.format(spec, options());
    }

    private void optionsChanged() {
        if (shortResultShown()) {
            showShortResult(false);
            makeShort.setText("Make a new short link");
            shortMessage.setText("The options changed: the short link no longer matches, make a new one.");
        }
        update();
    }

    private void update() {
        String text = linkText();
        link.setValue(text);
        preview.setHref(text);
        embed.setValue("<iframe src=\"" + attribute(text) + "\" width=\"1000\" height=\"700\""
                + " title=\"Learning-Rate Playground\" loading=\"lazy\"></iframe>");
        summary.setText(summaryText());
        summary.getElement().setAttribute("warning", runsCannotStart());
        resetCopied(copyLink, copyEmbed);
    }

    /** What viewers will do first, so that a teacher sees a link that leaves students stuck. */
    private String summaryText() {
        List<String> hidden = options().hide();
        String start = play.getValue() ? "The runs start as the link opens." : "Viewers press Run to start.";
        if (runsCannotStart()) {
            start = "The Run button is hidden and the runs do not start by themselves: viewers can only look at the start.";
        }
        return start + (hidden.isEmpty() ? " Nothing is hidden."
                : " Hidden: " + String.join(", ", hidden.stream().map(ShareDialog::label).toList()) + ".");
    }

    private boolean runsCannotStart() {
        return !play.getValue() && options().hide().contains("run") && options().hide().contains("step");
    }

    private void makeShortLink() {
        String query = PageLink.format(spec, options());
        try {
            String code = links.create(VaadinSession.getCurrent().getSession().getId(), query);
            String text = home.resolve(ShortLinkController.PATH.substring(1) + code).toString();
            shortLink.setValue(text);
            byte[] png = QrCodes.png(text);
            qr.setSrc(png(png, code).inline());
            downloadQr.setHref(png(png, code), AttachmentType.DOWNLOAD);
            qr.setAlt(text);
            showShortResult(true);
            shortMessage.setText("");
            makeShort.setText("Make short link");
            resetCopied(copyShort);
        } catch (RateLimitedException | IllegalArgumentException e) {
            shortMessage.setText(e.getMessage());
        }
    }

    /**
     * Hidden by attribute rather than {@code setVisible}: Vaadin sends an invisible element's children
     * to the browser only once it shows, so the copy button's clipboard binding, installed as the
     * dialog opens, would find no field to read and copy nothing.
     */
    private void showShortResult(boolean shown) {
        shortResult.getElement().setAttribute("hidden", !shown);
    }

    boolean shortResultShown() {
        return !shortResult.getElement().hasAttribute("hidden");
    }

    private static InputStreamDownloadHandler png(byte[] png, String code) {
        return DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(png),
                "lr-playground-" + code + ".png", "image/png", png.length));
    }

    /** The browser copies the field's value within the click (clipboards need the user's gesture); the button says how it went. */
    private static <C extends Component & HasValue<?, String>> void copyOnClick(Button button, C field) {
        button.setIcon(VaadinIcon.COPY_O.create());
        button.setAriaLabel("Copy " + field.getElement().getProperty("label", "").toLowerCase(Locale.ROOT));
        Clipboard.onClick(button).writeText(field, copied -> {
            button.setText("Copied");
            button.setIcon(VaadinIcon.CHECK.create());
        }, error -> {
            button.setText("Copy failed: select the text and press Ctrl+C");
            button.setIcon(VaadinIcon.WARNING.create());
        });
    }

    private static void resetCopied(Button... buttons) {
        for (Button b : buttons) {
            if (!"Copy".equals(b.getText())) {
                b.setText("Copy");
                b.setIcon(VaadinIcon.COPY_O.create());
            }
        }
    }

    /**
     * The playground's address from the address of the page showing it: the query (which may hold
     * characters that {@link URI} refuses, such as '|') and the fragment dropped, the path cut after
     * its last '/'.
     */
    static URI home(URL page) {
        return URI.create(page.getProtocol() + "://" + page.getAuthority() + page.getPath()).resolve(".");
    }

    /** What a teacher reads beside a control a link may hide. */
    static String label(String control) {
        return Control.byId(control).map(Control::label).orElse(control);
    }

    /** {@code text} as a double-quoted HTML attribute value. */
    static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static TextField readOnlyField(String label, String id) {
        TextField field = new TextField(label);
        field.setReadOnly(true);
        field.setAutoselect(true);
        field.setId(id);
        return field;
    }

    private static Div row(Component... parts) {
        Div row = new Div(parts);
        row.addClassName("share-row");
        return row;
    }

    private static Div section(Component... parts) {
        Div section = new Div(parts);
        section.addClassName("share-section");
        return section;
    }
}
