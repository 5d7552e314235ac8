package recording

import (
	"strings"
	"testing"
)

// Every recording must load: a file the loader misreads would silently
// drop a case from the tests that replay them.
func TestEveryRecordingLoads(t *testing.T) {
	names, err := Names()
	if err != nil || len(names) == 0 {
		t.Fatalf("no recordings found in %s: %v", Dir(), err)
	}
	withoutResponse := map[string]int{}
	for _, name := range names {
		r, err := Load(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if r.Method != "GET" && r.Method != "POST" {
			t.Errorf("%s: method %q", name, r.Method)
		}
		if !r.HasResponse() {
			withoutResponse[name] = r.CurlExit
		}
	}
	// The two exchanges where nothing answered, with curl's exit codes.
	want := map[string]int{"nonmatomo_closed_port_8091": 7, "nonmatomo_https_to_http_port": 35}
	if len(withoutResponse) != len(want) {
		t.Errorf("recordings without response: %v, want %v", withoutResponse, want)
	}
	for name, code := range want {
		if withoutResponse[name] != code {
			t.Errorf("%s: curl exit %d, want %d", name, withoutResponse[name], code)
		}
	}
}

func TestRequestPartsAreParsed(t *testing.T) {
	r, err := Load("POSTmixed_viewer__API.getBulkRequest")
	if err != nil {
		t.Fatal(err)
	}
	if r.URL.Query().Get("method") != "API.getBulkRequest" || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		t.Errorf("request parsed as %s %s %v", r.Method, r.URL, r.Header)
	}
	if r.Token() != "60738be3c528633522be304dd89bbff8" || strings.HasSuffix(r.Body, "\n") {
		t.Errorf("body parsed as %q", r.Body)
	}
	if r.Status != 200 || r.RespHeader.Get("X-Matomo-Request-Id") == "" || r.RespBody[0] != '[' {
		t.Errorf("response parsed as %d %v %.20q", r.Status, r.RespHeader, r.RespBody)
	}
	empty, err := Load("POSTmixed_notoken__API.getMatomoVersion")
	if err != nil {
		t.Fatal(err)
	}
	if empty.Body != "" || empty.Token() != "" {
		t.Errorf("empty body parsed as %q", empty.Body)
	}
}
