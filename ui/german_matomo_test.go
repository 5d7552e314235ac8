package ui

import (
	"context"
	"testing"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestMatomosGermanReachesTheResultScreen: an error as package matomo
// makes it (here, from the demo Matomo) shows its detail and hint in
// German on a German wizard's result screen, while the error's own
// English, which --json and the report keep, is unchanged.
func TestMatomosGermanReachesTheResultScreen(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	t.Cleanup(srv.Close)
	c, err := matomo.NewClient(matomo.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	tok, err := matomo.ParseToken(demomatomo.TokenNoAccess)
	if err != nil {
		t.Fatal(err)
	}
	_, verr := c.Verify(context.Background(), mustAddr(t, srv.URL), tok.Token)
	e := matomo.AsError(verr)
	if e == nil || e.Class != matomo.ClassNoAccess {
		t.Fatalf("the demo Matomo answered %v, want no_access", verr)
	}
	if got, want := e.Detail.String(), "Matomo accepted the token, but its user cannot see any site."; got != want {
		t.Errorf("English detail %q, want %q", got, want)
	}
	fc := &fakeClient{verify: func(matomo.Token) (*matomo.Result, error) { return nil, e }}
	d := atToken(t, fc, Config{Printer: i18n.For("de")})
	d.paste(testToken)
	d.key("enter")
	d.wantScreen("Matomo hat den Token angenommen, aber sein Benutzer kann keine Website sehen.",
		"Bitten Sie einen Matomo-Administrator, diesem Benutzer mindestens Lesezugriff",
		"(Administration → System → Benutzer)")
	d.wantNotOnScreen(e.Detail.String(), "Ask a Matomo administrator")
}
