package matomo

import "testing"

// TestTheOtherSchemeKeepsThePortReached: https://example.org that answers
// plain http answered on port 443, so the http address to offer is
// http://example.org:443, not http://example.org (port 80).
func TestTheOtherSchemeKeepsThePortReached(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org":          "http://example.org:443",
		"https://example.org:8443/m":   "http://example.org:8443/m",
		"https://[::1]":                "http://[::1]:443",
		"https://example.org:80":       "http://example.org",
		"https://münchen.example/m":    "http://xn--mnchen-3ya.example:443/m",
		"http://analytics.example.org": "https://analytics.example.org:80",
	} {
		a, err := ParseAddress(in)
		if err != nil {
			t.Fatal(err)
		}
		scheme := "http"
		if a.Scheme() == "http" {
			scheme = "https"
		}
		got := a.onPortWith(scheme)
		if got.String() != want {
			t.Errorf("%s on its port with %s: %q, want %q", in, scheme, got, want)
		}
		if again, err := ParseAddress(got.String()); err != nil || again.String() != got.String() {
			t.Errorf("%q is not a normal address: %q, %v", got, again, err)
		}
	}
}
