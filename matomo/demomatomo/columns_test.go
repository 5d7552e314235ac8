package demomatomo_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

// TestFakeHonoursShowColumnsLikeMatomo: the fake cuts site objects to the
// columns asked for exactly as the real Matomo 5.1.2 of ../shared/realmatomo
// did for the same users (its answers are written here as it sent them; the
// fake's recorded data has the same sites 1 and 2). Matomo 4 and 5 do it
// for every API answer that is a list of rows; lists of ids and single
// objects stay as they are.
func TestFakeHonoursShowColumnsLikeMatomo(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	for _, tc := range []struct {
		name, token, call, want string
	}{
		{"what Verify asks", demomatomo.TokenViewer,
			"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1&showColumns=idsite,name,main_url",
			`[{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"},{"idsite":2,"name":"Blog","main_url":"https:\/\/blog.example"}]`},
		{"a column no site has", demomatomo.TokenViewer,
			"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1&showColumns=idsite,nonexistent",
			`[{"idsite":1},{"idsite":2}]`},
		{"hidden wins over shown", demomatomo.TokenWriter,
			"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1&showColumns=idsite,name&hideColumns=name",
			`[{"idsite":1},{"idsite":2}]`},
		{"with filter_limit", demomatomo.TokenWriter,
			"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=1&showColumns=idsite,main_url",
			`[{"idsite":1,"main_url":"https:\/\/shop.example"}]`},
		{"a list of ids", demomatomo.TokenWriter,
			"method=SitesManager.getSitesIdWithAdminAccess&filter_limit=-1&showColumns=idsite",
			`[1]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := bulkElement(t, srv, tc.token, tc.call); got != tc.want {
				t.Errorf("the fake answered\n%s\nthe real Matomo\n%s", got, tc.want)
			}
		})
	}

	// A single object is not a list of rows: all of it stays (the real
	// Matomo's user has an e-mail address in .invalid, the recorded one's
	// is in .com).
	user := bulkElement(t, srv, demomatomo.TokenWriter, "method=UsersManager.getUser&userLogin=writer&showColumns=login")
	if user != `{"login":"writer","email":"writer@example.com","superuser_access":0,"invite_status":"active"}` {
		t.Errorf("showColumns changed an object: %s", user)
	}

	// hideColumns alone: the real Matomo's remaining fields, in its order.
	hidden := "ts_created,timezone_name,currency_name,excluded_ips,excluded_parameters,excluded_user_agents," +
		"excluded_referrers,sitesearch_keyword_parameters,sitesearch_category_parameters"
	got := bulkElement(t, srv, demomatomo.TokenWriter,
		"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1&hideColumns="+hidden)
	want := "idsite name main_url ecommerce sitesearch timezone currency exclude_unknown_urls group type keep_url_fragment"
	if keys := firstObjectKeys(t, got); keys != want {
		t.Errorf("after hideColumns the fake's sites have\n%s\nthe real Matomo's\n%s", keys, want)
	}
}

// TestFakeAnswersVerifysRequestWithSlimSites: the request the client sends
// gets the three columns from the fake, as from a real Matomo, and whole
// objects when showColumns is left out.
func TestFakeAnswersVerifysRequestWithSlimSites(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.WithSites(500), demomatomo.Options{})
	defer srv.Close()
	slim := bulkElement(t, srv, demomatomo.TokenViewer,
		"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1&showColumns=idsite,name,main_url")
	full := bulkElement(t, srv, demomatomo.TokenViewer, "method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1")
	if keys := firstObjectKeys(t, slim); keys != "idsite name main_url" {
		t.Errorf("slim site has %q", keys)
	}
	if keys := firstObjectKeys(t, full); !strings.HasPrefix(keys, "idsite name main_url ts_created") {
		t.Errorf("full site has %q", keys)
	}
	var slimSites, fullSites []map[string]any
	if json.Unmarshal([]byte(slim), &slimSites) != nil || json.Unmarshal([]byte(full), &fullSites) != nil {
		t.Fatal("not JSON lists")
	}
	if len(slimSites) != 502 || len(fullSites) != len(slimSites) {
		t.Fatalf("%d slim and %d full sites", len(slimSites), len(fullSites))
	}
	for i := range slimSites {
		for _, k := range []string{"idsite", "name", "main_url"} {
			if slimSites[i][k] != fullSites[i][k] {
				t.Fatalf("site %d: %s is %v slim, %v full", i, k, slimSites[i][k], fullSites[i][k])
			}
		}
	}
	if len(full) < 4*len(slim) {
		t.Errorf("full answer %d bytes, slim %d: showColumns should cut most of it", len(full), len(slim))
	}
}

// bulkElement sends one sub-call in a bulk request, token in the body, and
// returns the one element of the answer.
func bulkElement(t *testing.T, srv *demomatomo.Server, token, call string) string {
	t.Helper()
	form := url.Values{"token_auth": {token}, "urls[0]": {call}}
	resp, err := http.PostForm(srv.URL+"/index.php?module=API&method=API.getBulkRequest&format=json", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var parts []json.RawMessage
	if err := json.Unmarshal(body, &parts); err != nil || len(parts) != 1 {
		t.Fatalf("answer %.200s: %v", body, err)
	}
	return string(parts[0])
}

// firstObjectKeys lists the keys of a list's first object, in order.
func firstObjectKeys(t *testing.T, list string) string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(list))
	var keys []string
	if tok, _ := dec.Token(); tok != json.Delim('[') {
		t.Fatalf("not a list: %.80s", list)
	}
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		t.Fatalf("not a list of objects: %.80s", list)
	}
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		var v json.RawMessage
		dec.Decode(&v)
	}
	return strings.Join(keys, " ")
}
