// The link of embed-needs-https.html to the page the iframe was, ?page=: only a page of this site,
// since the parameter comes from the address, which anyone can write.
(() => {
  const page = new URL(new URLSearchParams(location.search).get('page') || '/', location.origin);
  if (page.origin === location.origin) {
    document.getElementById('direct').href = page.href;
  }
})();
