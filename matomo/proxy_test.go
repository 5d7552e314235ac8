package matomo_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestPlainHTTPTokenNeverGoesThroughAProxy: plain http is allowed without
// asking only because it stays on this computer. A proxy in between (from
// HTTPS_PROXY/HTTP_PROXY) would carry the token off it unencrypted.
func TestPlainHTTPTokenNeverGoesThroughAProxy(t *testing.T) {
	proxy := startFake(t, demomatomo.Recorded(), demomatomo.Options{}) // would answer as Matomo if reached
	viaProxy := func(*http.Request) (*url.URL, error) { return url.Parse(proxy.URL) }
	client, _ := testClient(t, matomo.Options{Proxy: viaProxy})
	_, err := client.Verify(context.Background(), address(t, "http://localhost:8089"), token(t, demomatomo.TokenViewer))
	if e := classOf(t, err); e.Class != matomo.ClassPlainHTTP || !strings.Contains(e.Detail.String(), "proxy") {
		t.Fatalf("class %s (%s), want plain_http naming the proxy", e.Class, e.Detail)
	}
	if n := proxy.RequestCount(); n != 0 {
		t.Fatalf("the proxy received %d requests", n)
	}
	// Without a token (the pre-flight check) the proxy may be used.
	if _, err := client.Preflight(context.Background(), address(t, "http://localhost:8089")); err != nil {
		t.Fatalf("pre-flight through the proxy: %v", err)
	}
}

func TestStarDotLocalhostIsNotThisComputer(t *testing.T) {
	client, dials := testClient(t, matomo.Options{})
	_, err := client.Verify(context.Background(), address(t, "http://matomo.localhost:8089"), token(t, demomatomo.TokenViewer))
	if e := classOf(t, err); e.Class != matomo.ClassPlainHTTP {
		t.Fatalf("class %s, want plain_http: *.localhost is resolved through DNS", e.Class)
	}
	if dials.get() != 0 {
		t.Fatal("the client connected anyway")
	}
}
