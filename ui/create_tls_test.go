package ui

import (
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// TestNoCreateOfferOverUncheckedTLS: after a check with certificate checks
// off (--insecure-skip-verify), "create it for me" is not offered for
// another computer (the password would be readable by anyone posing as the
// server), and is for this computer (attack2 A10).
func TestNoCreateOfferOverUncheckedTLS(t *testing.T) {
	for _, tc := range []struct {
		url   string
		offer bool
	}{{"https://analytics.example.org", false}, {"https://127.0.0.1:8443", true}} {
		addr, err := matomo.ParseAddress(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		m := New(Config{Printer: i18n.For("en")})
		m.found.RecordPreflight(addr, &matomo.Preflight{Address: addr, Trace: matomo.Trace{SkipVerify: true}}, nil)
		ok, why := m.mayOfferCreate()
		if ok != tc.offer {
			t.Errorf("%s: offered %v, want %v (%s)", tc.url, ok, tc.offer, why)
		}
		if !tc.offer && !strings.Contains(why, "--insecure-skip-verify") {
			t.Errorf("%s: the reason does not name the option: %q", tc.url, why)
		}
	}
}
