package matomo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestCreateTokenShowsNoTokenMatomoMayHaveMade: Matomo stores the new
// token before it checks the two-factor code (and whatever else a plugin
// checks), so a refusal of createAppSpecificTokenAuth is the one answer
// that may quote a valid token nobody was meant to see, one the session
// does not know and so cannot remove as an echo. Any run of a token's
// length of hex characters in it is taken out of what is shown, in
// Matomo's message, a page's title and a redirect's address (attack2 A4).
func TestCreateTokenShowsNoTokenMatomoMayHaveMade(t *testing.T) {
	const made = "0123456789abcdef0123456789ABCDEF"
	for _, f := range []demomatomo.Fault{
		{Status: 200, ContentType: "application/json", Body: `{"result":"error","message":"Internal error, debug token ` + made + `"}`},
		{Status: 401, ContentType: "application/json", Body: `{"result":"error","message":"Please specify a two-factor authentication code. (` + made + `)"}`},
		{Status: 500, Body: "<html><head><title>Error " + made + "</title></head></html>"},
		{Status: 302, Location: "http://127.0.0.1:1/index.php?token_auth=x&t=" + made},
		{Status: 200, ContentType: "application/json", Body: `{"result":"error","message":"You must set up two-factor authentication. ` + made + `"}`},
	} {
		srv := startFake(t, createData(), demomatomo.Options{})
		c, _ := testClient(t, matomo.Options{})
		pre := checked(t, c, srv.URL)
		fault := f
		srv.SetFault(&fault)
		created, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: "viewer", Password: password(t, viewerPassword), Description: "x"})
		if created != nil || err == nil {
			t.Fatalf("%.60s: created %v", f.Body+f.Location, created)
		}
		e := classOf(t, err)
		all := strings.ToLower(fmt.Sprintf("%v %+v %v %v", err, *e, e.Detail, e.Hint))
		if strings.Contains(all, strings.ToLower(made[:12])) {
			t.Errorf("%.60s: the error shows the token Matomo may have made: %s", f.Body+f.Location, all)
		}
	}
	// Matomo's own messages are still recognised.
	srv := startFake(t, createData(), demomatomo.Options{})
	c, _ := testClient(t, matomo.Options{})
	pre := checked(t, c, srv.URL)
	srv.SetFault(&demomatomo.Fault{Status: 401, ContentType: "application/json", Body: `{"result":"error","message":"Please specify a two-factor authentication code. ` + made + `"}`})
	_, err := c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: "viewer", Password: password(t, viewerPassword), Description: "x"})
	if e := classOf(t, err); e.Class != matomo.ClassTwoFactor || !e.TokenLeft || !strings.Contains(e.Matomo, "[token removed]") {
		t.Errorf("a refused code quoting the token: class %s, token left %v, Matomo said %q", e.Class, e.TokenLeft, e.Matomo)
	}
}
