package ui

import (
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// TestTheTokenScreenNamesAProxyThatReadsIt: with --allow-http and a proxy
// from the environment (the address check went through it), the token
// screen's "It is sent only to …" names the proxy, which reads a plain
// http request (attack2 A8); without a proxy it says what it said.
func TestTheTokenScreenNamesAProxyThatReadsIt(t *testing.T) {
	addr, err := matomo.ParseAddress("http://analytics.example.org")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		proxy, want string
	}{
		{"127.0.0.1:3128", "through the proxy 127.0.0.1:3128, which can read it"},
		{"", "in the body of an unencrypted http request, and never shown or saved."},
	} {
		m := New(Config{Printer: i18n.For("en")})
		m.found.RecordPreflight(addr, &matomo.Preflight{Address: addr, Trace: matomo.Trace{Proxy: tc.proxy}}, nil)
		if got := m.whereTokenGoes(); !strings.Contains(got, tc.want) {
			t.Errorf("proxy %q: %q, want it to say %q", tc.proxy, got, tc.want)
		}
	}
}
