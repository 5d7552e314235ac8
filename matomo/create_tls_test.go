package matomo_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestCreateTokenNeedsACheckedCertificate: with certificate checks off
// (--insecure-skip-verify), anyone on the path can pose as the server, so
// the password would be as readable as over plain http, which it never
// takes. The flag stays for tokens (which can be deleted); the password
// goes over unchecked TLS only to this computer (attack2 A10).
func TestCreateTokenNeedsACheckedCertificate(t *testing.T) {
	req := matomo.CreateRequest{Login: "viewer", Password: password(t, viewerPassword), Description: "x"}
	c, dials := testClient(t, matomo.Options{InsecureSkipVerify: true})
	_, err := c.CreateToken(context.Background(), &matomo.Preflight{Address: address(t, "https://analytics.example.org")}, req)
	e := classOf(t, err)
	if e.Class != matomo.ClassTLS || !strings.Contains(e.Detail.String(), "--insecure-skip-verify") ||
		!strings.Contains(e.Hint.String(), "never for a password") {
		t.Errorf("unchecked TLS to another computer: %v (%s)", err, e.Hint)
	}
	if dials.get() != 0 || c.Requests() != 0 {
		t.Errorf("%d connections, %d requests, want none", dials.get(), c.Requests())
	}
	// To this computer the password does not cross a network: the token is
	// created as with checked TLS.
	fake := demomatomo.NewHandler(createData(), demomatomo.Options{})
	srv := httptest.NewTLSServer(fake)
	defer srv.Close()
	lc, _ := testClient(t, matomo.Options{InsecureSkipVerify: true})
	created, err := lc.CreateToken(context.Background(), checked(t, lc, srv.URL), req)
	if err != nil || created == nil || !created.Token.LooksValid() {
		t.Fatalf("unchecked TLS to this computer: %v", err)
	}
}
