package demomatomo_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

// verifyBulk posts the bulk request of verify (version, superuser, sites,
// admin/write/view ids, the e-mail probe), with tok in the body if any.
func verifyBulk(t *testing.T, srv *demomatomo.Server, tok string) (int, string) {
	t.Helper()
	form := url.Values{}
	if tok != "" {
		form.Set("token_auth", tok)
	}
	for i, call := range []string{"method=API.getMatomoVersion", "method=UsersManager.hasSuperUserAccess",
		"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1",
		"method=SitesManager.getSitesIdWithAdminAccess&filter_limit=-1",
		"method=SitesManager.getSitesIdWithWriteAccess&filter_limit=-1",
		"method=SitesManager.getSitesIdWithViewAccess&filter_limit=-1",
		"method=UsersManager.userEmailExists&userEmail=x%40example.invalid"} {
		form.Set("urls["+string(rune('0'+i))+"]", call)
	}
	resp, err := http.Post(srv.URL+"/index.php?module=API&method=API.getBulkRequest&format=json",
		"application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// As measured on a real Matomo 4.16.1 with the anonymous user allowed to
// view site 2 (../shared/matomo/README.md, "Measured on real servers"):
// no token gets what anonymous may see, but a wrong token gets HTTP 200 and
// nothing at all: it goes on as nobody, not as the anonymous visitor.
func TestMatomo4AnswersAWrongTokenAsNobodyNotAsTheVisitor(t *testing.T) {
	data := demomatomo.Recorded()
	data.AnonymousView = []int{2}
	srv := demomatomo.MustStart(data, demomatomo.Options{Legacy: true})
	defer srv.Close()

	const (
		needsView   = `{"result":"error","message":"You can't access this resource as it requires view access for at least one website."}`
		notLoggedIn = `{"result":"error","message":"You must be logged in to access this functionality."}`
	)
	status, body := verifyBulk(t, srv, demomatomo.TokenUnknown)
	if want := "[" + needsView + `,{"value":false},[],[],[],[],` + notLoggedIn + "]"; status != 200 || body != want {
		t.Errorf("a wrong token: HTTP %d\n%s\nwant HTTP 200\n%s", status, body, want)
	}
	status, body = verifyBulk(t, srv, "")
	if status != 200 || !strings.HasPrefix(body, `[{"value":"4.16.0"},{"value":false},[{"idsite":"2",`) ||
		!strings.HasSuffix(body, `],[],[],["2"],`+notLoggedIn+"]") {
		t.Errorf("no token: HTTP %d %s, want the version, site 2 and [2] as view ids", status, body)
	}
	if n := srv.FailedLogins("127.0.0.1"); n != 1 {
		t.Errorf("%d failed logins, want 1 (the wrong token)", n)
	}
}
