package demomatomo_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/matomo/internal/recording"
)

// recordedHost is where the real Matomo 5.0.2 of the recordings listened.
const recordedHost = "127.0.0.1:8089"

// comparison says how much of an answer must match the recording.
type comparison int

const (
	// exact: the body byte for byte (after the fake's host is put back to
	// the recorded one); JSON compares exactly too, except that site and
	// user objects compare by keys in order and value types.
	exact comparison = iota
	// title: an HTML page with the same <title>. Matomo's sign-in page is
	// 130 kB of screen the fake does not reproduce.
	title
	// page: an HTML page with the same title and the same error text with
	// tags removed; links inside the message differ by campaign parameters
	// Matomo adds depending on the module asked for.
	page
	// prefix: the start of a static file (matomo.js is 66 kB).
	prefix
)

// notExact lists the recordings compared less than exactly, with the why
// in the comparison's comment.
var notExact = map[string]comparison{
	"path_index.php_GET_plain__nothing":  title,
	"path_index.php_json_body__su":       title,
	"path_index.php_module_CoreHome__su": page,
	"path_matomo.js__su":                 prefix,
}

// TestFakeAnswersTheRecordedRequestsLikeTheRealMatomo replays every
// request that went to the real Matomo against the fake holding the same
// data, and compares status, Content-Type and body.
func TestFakeAnswersTheRecordedRequestsLikeTheRealMatomo(t *testing.T) {
	names, err := recording.Names()
	if err != nil {
		t.Fatal(err)
	}
	compared := 0
	for _, name := range names {
		rec, err := recording.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if rec.URL.Host != recordedHost || !rec.HasResponse() {
			continue // another server, or nothing answered
		}
		compared++
		t.Run(name, func(t *testing.T) {
			srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
			defer srv.Close()
			for range failuresBefore(t, name) {
				replay(t, srv, priorAttempt(t, name))
			}
			status, header, body := replay(t, srv, rec)
			compareAnswer(t, rec, srv, status, header, body)
		})
	}
	// Matomo's own answers: all but the other web server (8090), the
	// closed port (8091) and the https attempt at the http port.
	if compared != len(names)-5 {
		t.Errorf("compared %d of %d recordings; a recording was skipped by mistake", compared, len(names))
	}
}

// failuresBefore is how many failed logins the real Matomo had counted
// from the recording's IP when the recording was made.
func failuresBefore(t *testing.T, name string) int {
	t.Helper()
	if strings.HasPrefix(name, "bruteforce_mixed_blocked__") {
		return 22
	}
	m := regexp.MustCompile(`^bruteforce_(?:mixed_)?attempt(\d+)__`).FindStringSubmatch(name)
	if m == nil {
		return 0
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n - 1
}

// priorAttempt is the request that made those failures: the same wrong
// token, sent the same way.
func priorAttempt(t *testing.T, name string) *recording.Recording {
	t.Helper()
	prior := name
	if strings.HasPrefix(name, "bruteforce_mixed_blocked__") {
		prior = "bruteforce_mixed_attempt01__invalid32hex__API.getMatomoVersion"
	}
	rec, err := recording.Load(prior)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// replay sends the recorded request (method, path, query, body, content
// type) to the fake and returns its answer with the recorded host put back.
func replay(t *testing.T, srv *demomatomo.Server, rec *recording.Recording) (int, http.Header, []byte) {
	t.Helper()
	target := srv.URL + rec.URL.EscapedPath()
	if rec.URL.RawQuery != "" {
		target += "?" + rec.URL.RawQuery
	}
	req, err := http.NewRequest(rec.Method, target, strings.NewReader(rec.Body))
	if err != nil {
		t.Fatal(err)
	}
	if ct := rec.Header.Get("Content-Type"); ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	fakeHost := strings.TrimPrefix(srv.URL, "http://")
	if loc := resp.Header.Get("Location"); loc != "" {
		resp.Header.Set("Location", strings.ReplaceAll(loc, fakeHost, recordedHost))
	}
	return resp.StatusCode, resp.Header, bytes.ReplaceAll(body, []byte(fakeHost), []byte(recordedHost))
}

func compareAnswer(t *testing.T, rec *recording.Recording, srv *demomatomo.Server, status int, header http.Header, body []byte) {
	t.Helper()
	if status != rec.Status {
		t.Errorf("status %d, the real Matomo answered %d", status, rec.Status)
	}
	if got, want := header.Get("Content-Type"), rec.RespHeader.Get("Content-Type"); got != want {
		t.Errorf("Content-Type %q, the real Matomo sent %q", got, want)
	}
	if got, want := header.Get("Location"), rec.RespHeader.Get("Location"); got != want {
		t.Errorf("Location %q, the real Matomo sent %q", got, want)
	}
	if got, want := header.Get("X-Matomo-Request-Id") != "", rec.RespHeader.Get("X-Matomo-Request-Id") != ""; got != want {
		t.Errorf("X-Matomo-Request-Id present: %v, in the recording: %v", got, want)
	}
	switch notExact[rec.Name] {
	case title:
		if got, want := htmlTitle(body), htmlTitle(rec.RespBody); got != want || want == "" {
			t.Errorf("page title %q, the real Matomo's is %q", got, want)
		}
	case page:
		if got, want := htmlTitle(body)+" | "+htmlMessage(body), htmlTitle(rec.RespBody)+" | "+htmlMessage(rec.RespBody); got != want {
			t.Errorf("page says %q, the real Matomo's says %q", got, want)
		}
	case prefix:
		want := firstLines(rec.RespBody, 4)
		if !bytes.HasPrefix(body, want) {
			t.Errorf("file starts %.80q, the real one %.80q", body, want)
		}
	case exact: // every recording not in notExact
		if strings.HasPrefix(rec.RespHeader.Get("Content-Type"), "application/json") {
			compareJSON(t, body, rec.RespBody)
		} else if !bytes.Equal(body, rec.RespBody) {
			t.Errorf("body differs from the recording\n got: %q\nwant: %q", body, rec.RespBody)
		}
	}
}

var (
	titleRE   = regexp.MustCompile(`(?s)<title>(.*?)</title>`)
	messageRE = regexp.MustCompile(`(?s)<h2>(.*?)</h2>`)
	tagRE     = regexp.MustCompile(`<[^>]*>`)
)

func htmlTitle(b []byte) string {
	if m := titleRE.FindSubmatch(b); m != nil {
		return strings.TrimSpace(string(m[1]))
	}
	return ""
}

func htmlMessage(b []byte) string {
	if m := messageRE.FindSubmatch(b); m != nil {
		return strings.TrimSpace(tagRE.ReplaceAllString(string(m[1]), ""))
	}
	return ""
}

func firstLines(b []byte, n int) []byte {
	end := 0
	for range n {
		i := bytes.IndexByte(b[end:], '\n')
		if i < 0 {
			return b
		}
		end += i + 1
	}
	return b[:end]
}

// compareJSON compares two JSON answers: values exactly, except inside
// site and user objects, whose keys must come in the same order with the
// same value types (the fake's sites carry no creation history).
func compareJSON(t *testing.T, got, want []byte) {
	t.Helper()
	g, err := parseOrdered(got)
	if err != nil {
		t.Fatalf("the fake's answer is not JSON: %v\n%s", err, got)
	}
	w, err := parseOrdered(want)
	if err != nil {
		t.Fatalf("the recording is not JSON: %v", err)
	}
	if diff := g.diff(w, "$", true); diff != "" {
		t.Errorf("%s\n got: %.600s\nwant: %.600s", diff, got, want)
	}
}

// node is a JSON value that keeps the order of object keys.
type node struct {
	kind string // "object", "array", "string", "number", "bool", "null"
	keys []string
	kids []node
	raw  string // the scalar as written
}

func parseOrdered(b []byte) (node, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	n, err := parseNode(dec)
	if err != nil {
		return n, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return n, fmt.Errorf("data after the value")
	}
	return n, nil
}

func parseNode(dec *json.Decoder) (node, error) {
	tok, err := dec.Token()
	if err != nil {
		return node{}, err
	}
	switch v := tok.(type) {
	case json.Delim:
		n := node{kind: "array"}
		if v == '{' {
			n.kind = "object"
		}
		for dec.More() {
			if n.kind == "object" {
				k, err := dec.Token()
				if err != nil {
					return n, err
				}
				n.keys = append(n.keys, k.(string))
			}
			kid, err := parseNode(dec)
			if err != nil {
				return n, err
			}
			n.kids = append(n.kids, kid)
		}
		_, err := dec.Token() // the closing delimiter
		return n, err
	case string:
		return node{kind: "string", raw: v}, nil
	case json.Number:
		return node{kind: "number", raw: v.String()}, nil
	case bool:
		return node{kind: "bool", raw: fmt.Sprint(v)}, nil
	}
	return node{kind: "null"}, nil
}

// diff describes the first difference at path, or "".
func (n node) diff(w node, path string, exactValues bool) string {
	if n.kind != w.kind {
		return fmt.Sprintf("%s: %s, the real Matomo sent %s", path, n.kind, w.kind)
	}
	switch n.kind {
	case "object":
		if strings.Join(n.keys, ",") != strings.Join(w.keys, ",") {
			return fmt.Sprintf("%s: keys %v, the real Matomo sent %v", path, n.keys, w.keys)
		}
		// Site and user objects carry creation times, visit rows the
		// time of the visit a test just sent.
		if contains(w.keys, "idsite") || contains(w.keys, "login") || contains(w.keys, "lastActionTimestamp") {
			exactValues = false
		}
		for i := range n.kids {
			if d := n.kids[i].diff(w.kids[i], path+"."+n.keys[i], exactValues); d != "" {
				return d
			}
		}
	case "array":
		if len(n.kids) != len(w.kids) {
			return fmt.Sprintf("%s: %d elements, the real Matomo sent %d", path, len(n.kids), len(w.kids))
		}
		for i := range n.kids {
			if d := n.kids[i].diff(w.kids[i], fmt.Sprintf("%s[%d]", path, i), exactValues); d != "" {
				return d
			}
		}
	default:
		if exactValues && n.raw != w.raw {
			return fmt.Sprintf("%s: %q, the real Matomo sent %q", path, n.raw, w.raw)
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
