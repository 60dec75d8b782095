// Inlined first into the index page when it is served over plain HTTP (PlainHttpEmbeds), so it runs
// before Vaadin starts. Inside another site's iframe browsers then refuse the session cookie (only a
// Secure cookie may be SameSite=None), and Vaadin would show nothing but "Cookies disabled". A probe
// cookie with the session cookie's attributes tells whether that is so; if it is, the page stops
// loading and says why, with a link that opens the playground as a page of its own.
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
    window.stop();
    document.title = 'Learning-Rate Playground';
    const body = document.body || document.documentElement.appendChild(document.createElement('body'));
    body.style.cssText = 'font: 16px/1.5 system-ui, sans-serif; margin: 2rem; max-width: 40rem; color: #1f2937;';
    const heading = document.createElement('h1');
    heading.textContent = 'Learning-Rate Playground';
    const message = document.createElement('p');
    message.id = 'plain-http-embed';
    const link = document.createElement('a');
    link.href = location.href;
    link.target = '_blank';
    link.rel = 'noopener';
    link.textContent = 'Open it directly';
    message.append('This embedded playground needs HTTPS: browsers block its session cookie inside another '
            + 'site\u2019s page over plain HTTP. ', link, ' (in a new tab), or embed its https:// address.');
    body.append(heading, message);
})();
