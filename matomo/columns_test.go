package matomo_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// ignoringShowColumns is a Matomo (or a proxy in front of one) that does
// not know showColumns: it takes the parameter out of the bulk request's
// sub-calls before the fake Matomo sees them, so that the site list comes
// with every field.
func ignoringShowColumns(fake http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		for k, v := range form {
			form.Set(k, stripShowColumns(v[0]))
		}
		r.Body = io.NopCloser(strings.NewReader(form.Encode()))
		r.ContentLength = -1
		fake.ServeHTTP(w, r)
	})
}

// TestAMatomoThatIgnoresShowColumnsGivesTheSameResult: Verify asks for
// three columns, and a Matomo that sends whole site objects anyway (with
// names beyond ASCII, numbers as strings as in Matomo 4, a superuser's
// creator_login) is read to the same sites, roles, names and addresses;
// and both agree with the decoder this package had before.
func TestAMatomoThatIgnoresShowColumnsGivesTheSameResult(t *testing.T) {
	t.Parallel()
	data := demomatomo.WithSites(3000)
	data.Sites[5].Name = "Bäckerei Müller – Filiale Köln"
	data.Sites[6].Name = "  spaced   out  "
	data.Sites[7].MainURL = `https://example.org/path?q="quoted"\back`
	// The writer has every role, in turns, on the generated sites: the
	// roles come from the id lists by merging, and must land right.
	for i := range data.Users {
		if data.Users[i].Login != "writer" {
			continue
		}
		for _, s := range data.Sites[3:] {
			data.Users[i].Access[s.ID] = []matomo.Access{matomo.AccessAdmin, matomo.AccessWrite, matomo.AccessView}[s.ID%3]
		}
	}
	for _, tc := range []struct {
		name  string
		opts  demomatomo.Options
		token string
	}{
		{"a viewer of 3,002 sites", demomatomo.Options{}, demomatomo.TokenViewer},
		{"the same in Matomo 4 (numbers as strings)", demomatomo.Options{Legacy: true}, demomatomo.TokenViewer},
		{"a user with every role (admin and write ids)", demomatomo.Options{}, demomatomo.TokenWriter},
		{"the superuser", demomatomo.Options{}, demomatomo.TokenSuperUser},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := demomatomo.NewHandler(data, tc.opts)
			slim := httptest.NewServer(fake)
			defer slim.Close()
			full := httptest.NewServer(ignoringShowColumns(fake))
			defer full.Close()
			client, _ := testClient(t, matomo.Options{Timeout: 10 * time.Second})
			tok := token(t, tc.token)
			slimRes, err := client.Verify(context.Background(), address(t, slim.URL), tok)
			if err != nil {
				t.Fatal(err)
			}
			fullRes, err := client.Verify(context.Background(), address(t, full.URL), tok)
			if err != nil {
				t.Fatal(err)
			}
			if slimRes.Trace.BodyBytes*3 > fullRes.Trace.BodyBytes {
				t.Errorf("slim answer %d bytes, full %d: showColumns was not applied", slimRes.Trace.BodyBytes, fullRes.Trace.BodyBytes)
			}
			if got, want := describe(slimRes), describe(fullRes); got != want {
				t.Errorf("slim and full answers differ:\n%s\n%s", firstDifference(got, want), firstDifference(want, got))
			}
			// The decoder before this one, over the full answer's bytes.
			body := answerBody(t, full.URL, tok)
			old, err := matomo.BaselineVerify(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := describe(fullRes), describe(&matomo.Result{Version: fullRes.Version, SuperUser: fullRes.SuperUser, Sites: old}); got != want {
				t.Errorf("the one-pass decoder and the baseline differ:\n%s\n%s", firstDifference(got, want), firstDifference(want, got))
			}
			if strings.Count(describe(slimRes), "\n") < 3 {
				t.Fatalf("too few sites to compare: %s", describe(slimRes))
			}
		})
	}
}

// describe is everything a Result shows, one site a line.
func describe(res *matomo.Result) string {
	var b strings.Builder
	b.WriteString(res.Version)
	if res.SuperUser {
		b.WriteString(" superuser")
	}
	b.WriteByte('\n')
	for _, s := range res.Sites {
		b.WriteString(strings.Join([]string{strconv.Itoa(s.ID), string(s.Access), s.Name, s.URL}, " | "))
		b.WriteByte('\n')
	}
	return b.String()
}

// firstDifference is the line of a where a and b first differ.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range la {
		if i >= len(lb) || la[i] != lb[i] {
			return la[i]
		}
	}
	return "(no difference)"
}

// answerBody is the body of the answer to Verify's request at base.
func answerBody(t *testing.T, base string, tok matomo.Token) []byte {
	t.Helper()
	query, form := matomo.VerifyRequest(tok)
	return post(t, base+"/index.php?"+query, form)
}

// answerBodyTo is the body of the answer to a bulk request of calls.
func answerBodyTo(t *testing.T, base string, tok matomo.Token, calls []string) []byte {
	t.Helper()
	query, lean := matomo.VerifyRequest(tok)
	form := url.Values{"token_auth": lean["token_auth"]}
	for i, call := range calls {
		form.Set("urls["+strconv.Itoa(i)+"]", call)
	}
	return post(t, base+"/index.php?"+query, form)
}

func post(t *testing.T, target string, form url.Values) []byte {
	t.Helper()
	resp, err := http.Post(target, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return body
}

// oldOrderToNew puts the elements of an answer to requestBeforeIssue11
// (version, superuser, sites, admin, write and view ids, the probe) in
// the order of Verify's request.
func oldOrderToNew(t *testing.T, body []byte) []byte {
	t.Helper()
	var parts []json.RawMessage
	if err := json.Unmarshal(body, &parts); err != nil || len(parts) != 7 {
		t.Fatalf("the answer to the old request: %v, %d parts", err, len(parts))
	}
	return []byte(matomo.Bulk{Version: string(parts[0]), SuperUser: string(parts[1]), EmailExists: string(parts[6]),
		Admin: string(parts[3]), Write: string(parts[4]), Sites: string(parts[2])}.JSON())
}
