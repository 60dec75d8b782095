package org.lrplayground.playground.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrplayground.engine.format.RunFormat;
import org.lrplayground.share.ShortLinkService;
import org.lrplayground.link.PageLink;
import org.lrplayground.link.PageOptions;

/** The share dialog as a teacher fills it in, without a browser. */
@ViewPackages(classes = PlaygroundView.class)
class ShareDialogTest extends PlaygroundPageTest {

    private static final URI HOME = URI.create("https://playground.example/lr/");

    /** The view gets {@link PlaygroundViewTest#links}; each test has its own session and so its own rate limit. */
    private ShareDialog share(PlaygroundView view) {
        ShareDialog dialog = view.shareDialog(HOME);
        dialog.open();
        roundTrip(); // an opened dialog is attached before the response
        return dialog;
    }

    @Test
    void theLinkIsTheSceneWithTheChosenOptionsAndEveryFieldFollowsIt() {
        PlaygroundView view = open("surface=booth&steps=300&run=sgd:lr=0.01&run=adam:lr=0.05&speed=10&side=1");
        ShareDialog dialog = share(view);
        String plain = HOME + "?" + PageLink.format(view.spec(), view.linkOptions());
        assertThat(dialog.link.getValue()).isEqualTo(plain).contains("&speed=10&side=1");

        test(dialog.play).click();
        test(dialog.hide).selectItems("Runs (optimizers and their settings)", "Problem (surface, start, steps)");

        // Hidden controls are written in the order the playground lists them, whatever the ticking order.
        String expected = HOME + "?" + PageLink.format(view.spec(),
                view.linkOptions().withPlay(true).withHide(List.of("problem", "runs")));
        assertThat(dialog.link.getValue()).isEqualTo(expected).contains("&play=1&hide=problem,runs&");
        assertThat(PageLink.open(expected.substring(expected.indexOf('?') + 1)).spec()).isEqualTo(view.spec());
        assertThat(dialog.preview.getHref()).isEqualTo(expected);
        assertThat(dialog.embed.getValue()).isEqualTo("<iframe src=\"" + expected.replace("&", "&amp;")
                + "\" width=\"1000\" height=\"700\" title=\"Learning-Rate Playground\" loading=\"lazy\"></iframe>");
        assertThat(dialog.summary.getText()).contains("start as the link opens")
                .contains("Hidden: Problem (surface, start, steps), Runs (optimizers and their settings).");
    }

    @Test
    void controlsTheTeachersOwnLinkHidesStartTickedAndEveryControlIsOffered() {
        PlaygroundView view = open("surface=booth&run=sgd&hide=charts,run");
        ShareDialog dialog = share(view);

        assertThat(dialog.hide.getValue()).containsExactlyInAnyOrder("run", "charts");
        assertThat(dialog.link.getValue()).endsWith("&hide=run,charts");
        assertThat(dialog.hide.getListDataView().getItems().toList())
                .containsExactlyElementsOf(view.controls().keySet()).contains("share");
    }

    @Test
    void hidingRunAndStepWithoutAutoplayWarnsThatNothingWillMove() {
        ShareDialog dialog = share(open("surface=booth&run=sgd"));

        test(dialog.hide).selectItems("Run button", "Step button");
        assertThat(dialog.summary.getText()).contains("do not start by themselves");
        assertThat(dialog.summary.getElement().hasAttribute("warning")).isTrue();

        test(dialog.play).click();
        assertThat(dialog.summary.getText()).doesNotContain("do not start");
        assertThat(dialog.summary.getElement().hasAttribute("warning")).isFalse();
    }

    @Test
    void aShortLinkStoresTheLinksQueryAndAChangedOptionWithdrawsIt() {
        PlaygroundView view = open("surface=rosenbrock&run=adam:lr=0.05");
        ShareDialog dialog = share(view);
        test(dialog.hide).selectItem("Line charts");

        test(dialog.makeShort).click();

        String shortLink = dialog.shortLink.getValue();
        assertThat(shortLink).matches("https://playground\\.example/lr/s/[0-9A-Za-z]{10}");
        String code = shortLink.substring(shortLink.lastIndexOf('/') + 1);
        assertThat(PlaygroundViewTest.links.resolve(code))
                .contains(PageLink.format(view.spec(), view.linkOptions().withHide(List.of("charts"))));
        assertThat(dialog.shortResultShown()).isTrue();
        assertThat(dialog.qr.getAlt()).contains(shortLink);
        assertThat(dialog.qr.getSrc()).isNotBlank();

        test(dialog.play).click();

        assertThat(dialog.shortResultShown()).isFalse();
        assertThat(dialog.shortMessage.getText()).contains("make a new one");
        assertThat(dialog.makeShort.getText()).isEqualTo("Make a new short link");
        test(dialog.makeShort).click();
        assertThat(dialog.shortLink.getValue()).isNotEqualTo(shortLink);
        String second = dialog.shortLink.getValue();
        assertThat(PlaygroundViewTest.links.resolve(second.substring(second.lastIndexOf('/') + 1)).orElseThrow())
                .endsWith("&play=1&hide=charts");
    }

    @Test
    void pastTheRateLimitTheDialogSaysSoAndKeepsWorking() {
        ShareDialog dialog = share(open("surface=booth&run=sgd"));
        for (int i = 0; i < ShortLinkService.PER_MINUTE; i++) {
            test(dialog.makeShort).click();
            assertThat(dialog.shortMessage.getText()).as("link %d", i + 1).isEmpty();
        }

        test(dialog.makeShort).click();

        assertThat(dialog.shortMessage.getText()).contains("20 short links within a minute").contains("Try again in");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void theShareButtonWaitsForAValidForm() {
        PlaygroundView view = open("surface=booth&run=sgd");
        assertThat(view.share.isEnabled()).isTrue();

        test(view.runs.runs.get(0).field("lr").textField()).setValue("-3");

        assertThat(view.share.isEnabled()).isFalse();
    }

    @Test
    void homeIsThePageAddressWithoutQueryFragmentOrLastPathSegment() throws Exception {
        assertThat(ShareDialog.home(URI.create("http://localhost:8093/").toURL()))
                .isEqualTo(URI.create("http://localhost:8093/"));
        // What a browser shows: raw '|' and '^' in the query, which java.net.URI refuses.
        assertThat(ShareDialog.home(new URL("https://school.example/tools/lr/?v=1&surface=custom&f=x^2+|y|&run=sgd#top")))
                .isEqualTo(URI.create("https://school.example/tools/lr/"));
    }

    @Test
    void attributeValuesAreEscaped() {
        assertThat(ShareDialog.attribute("a?b=1&c=\"<x>\"")).isEqualTo("a?b=1&amp;c=&quot;&lt;x&gt;&quot;");
    }

    @Test
    void optionsAreTheScenesWithAutoplayAndTheTickedControls() {
        PlaygroundView view = open("surface=booth&run=sgd&speed=instant");
        ShareDialog dialog = share(view);

        test(dialog.hide).selectItem("Share button");

        assertThat(dialog.options()).isEqualTo(new PageOptions(false, List.of("share"), "instant", false, "", ""));
    }
}
