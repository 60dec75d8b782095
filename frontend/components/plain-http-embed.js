// First in the index page's head when it is served over plain HTTP (PlainHttpEmbeds), so it runs
// before Vaadin starts. Inside another site's iframe browsers then refuse the session cookie (only a
// Secure cookie may be SameSite=None), and Vaadin would show nothing but "Cookies disabled". A probe
// cookie with the session cookie's attributes tells whether that is so; if it is, the frame goes to
// a page that says why. A redirect, because a page stopped while loading is never painted.
(() => {
    if (window.top === window) {
        return;
    }
    const probe = 'lrp-cookie-probe=1';
    document.cookie = probe + '; path=/';
    if (document.cookie.split('; ').includes(probe)) {
        document.cookie = probe + '; path=/; max-age=0';
        return;
    }
    const explanation = new URL(document.currentScript.dataset.explanation, location.href);
    explanation.searchParams.set('page', location.pathname + location.search + location.hash);
    location.replace(explanation);
})();
