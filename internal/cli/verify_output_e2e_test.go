package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

// isTrue reads verify's "superuser", which is null until Matomo said.
func isTrue(p *bool) bool { return p != nil && *p }

// TestVerifySummaryWritesCountsOneWay: the built binary's summary of a
// token reaching more than a thousand sites writes every count as the
// wizard does, 1,202 and not 1202.
func TestVerifySummaryWritesCountsOneWay(t *testing.T) {
	t.Parallel()
	srv := demomatomo.MustStart(demomatomo.WithSites(1200), demomatomo.Options{})
	t.Cleanup(srv.Close)
	code, stdout, stderr, _ := runBinary(t, nil, demomatomo.TokenViewer+"\n", "verify", "--url", srv.URL)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"  Sites:     1,202 (0 admin · 0 write · 1,202 view)\n",
		"… and 1,177 more (--json lists all)\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the summary lacks %q:\n%s", want, stdout)
		}
	}
}

// TestVerifyJSONSuperuserIsNullWhenUnknown: "superuser" says what Matomo
// said of a verified token, and is null when nothing was verified (a
// rejected token is nobody's, neither a superuser's nor not).
func TestVerifyJSONSuperuserIsNullWhenUnknown(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	for _, tc := range []struct {
		token string
		want  string
	}{
		{demomatomo.TokenSuperUser, `"superuser": true`},
		{demomatomo.TokenViewer, `"superuser": false`},
		{"0123456789abcdef0123456789abcdef", `"superuser": null`}, // rejected
		{demomatomo.TokenNoAccess, `"superuser": null`},
	} {
		_, stdout, _, _ := runBinary(t, nil, tc.token+"\n", "verify", "--url", srv.URL, "--json")
		if !strings.Contains(stdout, tc.want) {
			t.Errorf("token …%s: the JSON lacks %s:\n%s", tc.token[28:], tc.want, stdout)
		}
	}
	// A command line refused before any request says null too.
	_, stdout, _, _ := runBinary(t, nil, "", "verify", "--url", srv.URL, "--json")
	if !strings.Contains(stdout, `"superuser": null`) {
		t.Errorf("without a token: the JSON lacks \"superuser\": null:\n%s", stdout)
	}
}

// TestTheReadmeListsEveryJSONField: the README's description of --json
// names every field verify can print, at every level, and no other. The
// fields come from the document itself (its struct), and a run of the
// built binary with every option that adds fields shows that they are the
// ones printed.
func TestTheReadmeListsEveryJSONField(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, para, ok := strings.Cut(string(readme), "\n`--json` prints")
	if !ok {
		t.Fatal("the README has no paragraph starting \"`--json` prints\"")
	}
	para, _, _ = strings.Cut(para, "\n\n")
	var listed []string
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(para, -1) {
		if !slices.Contains([]string{"true", "false", "null"}, m[1]) {
			listed = append(listed, m[1])
		}
	}
	fields := jsonFields(reflect.TypeFor[verifyOutput]())
	for _, f := range fields {
		if !slices.Contains(listed, f) {
			t.Errorf("the README's --json paragraph does not name %q", f)
		}
	}
	for _, l := range listed {
		if !slices.Contains(fields, l) {
			t.Errorf("the README's --json paragraph names %q, which verify does not print", l)
		}
	}

	srv := startFake(t, demomatomo.Options{})
	_, stdout, stderr, _ := runBinary(t, nil, demomatomo.TokenViewer+"\n", "verify", "--url", srv.URL, "--json",
		"--check-get", "--report", ".", "--site", "1")
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("no JSON: %v\n%s\n%s", err, stdout, stderr)
	}
	for _, top := range []string{"report", "get_check", "superuser", "counts", "data_check"} {
		if _, ok := doc[top]; !ok {
			t.Errorf("the run with --check-get, --report and --site printed no %q:\n%s", top, stdout)
		}
	}
	for k := range doc {
		if !slices.Contains(fields, k) {
			t.Errorf("verify printed %q, which its document does not declare", k)
		}
	}
}

// jsonFields lists the JSON names of t's fields and of the fields of the
// objects inside it, in order, each once.
func jsonFields(t reflect.Type) []string {
	var out []string
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				continue
			}
			if !slices.Contains(out, name) {
				out = append(out, name)
			}
			walk(f.Type)
		}
	}
	walk(t)
	return out
}

// TestVerifyInternationalHostName: the built binary sends to, prints and
// reports an international name in the form DNS uses, with the Unicode
// form beside it in the summary and as host_unicode in the JSON. The
// requests reach the fake Matomo as a proxy, so nothing is looked up.
func TestVerifyInternationalHostName(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	env := []string{"HTTP_PROXY=" + srv.URL, "NO_PROXY="}
	code, stdout, stderr, _ := runBinary(t, env, demomatomo.TokenViewer+"\n", "verify", "--allow-http",
		"--url", "http://MÜNCHEN.example/matomo/index.php")
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "✓ Token verified: Matomo 5.0.2 at http://xn--mnchen-3ya.example/matomo (münchen.example)\n") {
		t.Errorf("the summary does not name the address in both forms:\n%s", stdout)
	}
	_, stdout, stderr, dir := runBinary(t, env, demomatomo.TokenViewer+"\n", "verify", "--allow-http", "--json",
		"--report", ".", "--url", "http://münchen.example/matomo")
	var out verifyOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("no JSON: %v\n%s\n%s", err, stdout, stderr)
	}
	if out.URL != "http://xn--mnchen-3ya.example/matomo" || out.HostUnicode != "münchen.example" || !out.Verified {
		t.Errorf("url %q, host_unicode %q, verified %v", out.URL, out.HostUnicode, out.Verified)
	}
	report, err := os.ReadFile(filepath.Join(dir, filepath.Base(out.Report)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(report), "http://xn--mnchen-3ya.example/matomo (münchen.example)\n") {
		t.Errorf("the report does not name the address in both forms:\n%s", report)
	}
	reqs := srv.Requests()
	if len(reqs) == 0 {
		t.Fatal("the fake Matomo got no request")
	}
	for _, r := range reqs {
		if r.Host != "xn--mnchen-3ya.example" {
			t.Errorf("a request named the host %q, want xn--mnchen-3ya.example", r.Host)
		}
	}
}
