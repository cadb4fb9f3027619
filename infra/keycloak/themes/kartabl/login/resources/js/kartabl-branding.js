/*
 * Kartabl login branding. The login page is served by Keycloak, the branding by the Kartabl API
 * behind the portal that sent the user here: its origin is that of `redirect_uri` on the first
 * page (or of the referrer), remembered for the later pages of the same login in sessionStorage.
 */
(function () {
  var match = /\/realms\/([^/]+)\//.exec(window.location.pathname);
  if (!match) return;
  var realm = decodeURIComponent(match[1]);
  var key = 'kartabl.branding.origin.' + realm;
  var origin = null;
  try {
    var redirect = new URLSearchParams(window.location.search).get('redirect_uri');
    if (redirect) origin = new URL(redirect).origin;
  } catch (e) {
    origin = null;
  }
  if (!origin && document.referrer) {
    try {
      var ref = new URL(document.referrer);
      if (ref.origin !== window.location.origin) origin = ref.origin;
    } catch (e) {
      origin = null;
    }
  }
  try {
    if (origin) window.sessionStorage.setItem(key, origin);
    else origin = window.sessionStorage.getItem(key);
  } catch (e) {
    /* storage disabled: brand only the first page */
  }
  if (!origin || !/^https?:\/\//.test(origin)) return;
  var link = document.createElement('link');
  link.rel = 'stylesheet';
  link.id = 'kartabl-branding';
  link.href = origin + '/api/public/branding/realm/' + encodeURIComponent(realm) + '/login.css';
  document.head.appendChild(link);
})();
