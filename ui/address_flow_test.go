package ui_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// TestFlowInternationalHostName types münchen.example: the address, the
// links and every request use xn--mnchen-3ya.example, and the screens
// show the Unicode form beside it.
func TestFlowInternationalHostName(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	var mu sync.Mutex
	var hosts []string
	toFake := viaFake(srv)
	client := newClient(t, matomo.Options{AllowHTTP: true, Proxy: func(r *http.Request) (*url.URL, error) {
		mu.Lock()
		hosts = append(hosts, r.URL.Host)
		mu.Unlock()
		return toFake(r)
	}})
	f := startFlow(t, ui.Config{Client: client, AllowHTTP: true}, 100, 30)
	f.waitFor("Create and verify")
	f.press("enter")
	f.waitFor("Your Matomo address")
	f.press("http://münchen.example/matomo/")
	f.waitFor("→ http://xn--mnchen-3ya.example/matomo (münchen.example)")
	f.press("enter")
	f.waitFor("! Matomo answers here, but over plain http.", "k keep http")
	f.press("k")
	f.waitFor("xn--mnchen-3ya.example/matomo (münchen.example) · step 1 of 8", "Direct link http://xn--mnchen-3ya.example/matomo/")
	f.press("t")
	f.waitFor("It is sent only to xn--mnchen-3ya.example (münchen.example), in the body of an unencrypted http request")
	f.paste(demomatomo.TokenViewer)
	f.press("enter")
	f.waitFor("✓ Token verified")
	f.press("enter")
	f.waitFor("Matomo URL http://xn--mnchen-3ya.example/matomo (münchen.example)")
	f.press("q", "q") // the first only asks: the token is nowhere yet
	out := f.finish(demomatomo.TokenViewer)
	if out.Address.String() != "http://xn--mnchen-3ya.example/matomo" {
		t.Errorf("the wizard ended with the address %q", out.Address.String())
	}
	mu.Lock()
	defer mu.Unlock()
	if len(hosts) == 0 {
		t.Fatal("no request was made")
	}
	for _, h := range hosts {
		if h != "xn--mnchen-3ya.example" {
			t.Errorf("a request went to %q, want xn--mnchen-3ya.example", h)
		}
	}
}

// TestFlowLookAlikeHostNameIsFlagged: a Cyrillic "а" in a Latin name is
// said under the field before anything is checked.
func TestFlowLookAlikeHostNameIsFlagged(t *testing.T) {
	t.Parallel()
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{})}, 100, 30)
	f.waitFor("Create and verify")
	f.press("enter")
	f.waitFor("Your Matomo address")
	f.press("\u0430nalytics.example.org")
	f.waitFor("→ https://xn--nalytics-06g.example.org (\u0430nalytics.example.org)",
		"! The host name \u0430nalytics.example.org (xn--nalytics-06g.example.org) mixes Cyrillic and Latin letters")
	f.press("ctrl+c")
	f.finish()
}

// TestFlowTLSFailureShowsTheAddressItOffers: https to a port that speaks
// plain http offers "n use new address", and says which address that is
// (the same port, over http).
func TestFlowTLSFailureShowsTheAddressItOffers(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	httpsURL := strings.Replace(srv.URL, "http://", "https://", 1)
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: httpsURL}, 100, 30)
	f.waitFor("Create and verify")
	f.press("enter", "enter")
	f.waitFor("answers plain http on this port", "New address "+srv.URL, "n use new address")
	f.press("n")
	f.waitFor("step 1 of 8", "✓ Matomo reachable (plain http)")
	f.press("ctrl+c")
	f.finish()
}
