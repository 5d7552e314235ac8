package accessible

import (
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// TestNoCreateOfferOverUncheckedTLS: the line mode's "create" follows the
// same rule as the wizard's m (attack2 A10).
func TestNoCreateOfferOverUncheckedTLS(t *testing.T) {
	for _, tc := range []struct {
		url   string
		offer bool
	}{{"https://analytics.example.org", false}, {"https://127.0.0.1:8443", true}} {
		addr, err := matomo.ParseAddress(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		s := &session{cfg: Config{Printer: i18n.For("en")}}
		s.found.RecordPreflight(addr, &matomo.Preflight{Address: addr, Trace: matomo.Trace{SkipVerify: true}}, nil)
		ok, why := s.mayOfferCreate()
		if ok != tc.offer {
			t.Errorf("%s: offered %v, want %v (%s)", tc.url, ok, tc.offer, why)
		}
		if !tc.offer && !strings.Contains(why, "--insecure-skip-verify") {
			t.Errorf("%s: the reason does not name the option: %q", tc.url, why)
		}
	}
}
