package matomo

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode"

	"matomo-onboard/matomo/internal/recording"
)

// seedAnswers adds every recorded answer body (and the composed bulk
// answers) to a fuzz corpus.
func seedAnswers(f *testing.F, add func(status int, body []byte, fromMatomo bool)) {
	names, err := recording.Names()
	if err != nil {
		f.Fatal(err)
	}
	for _, n := range names {
		rec, err := recording.Load(n)
		if err != nil || !rec.HasResponse() {
			continue
		}
		add(rec.Status, rec.RespBody, rec.RespHeader.Get("X-Matomo-Request-Id") != "")
	}
	add(200, []byte(Bulk{Sites: `[{"idsite":"1","name":"Shop","main_url":"https:\/\/shop.example"}]`, Write: `["1"]`}.JSON()), true)
	add(200, []byte(Bulk{Version: `{"value":"4.16.0"}`, SuperUser: `{"value":"0"}`,
		EmailExists: `{"result":"error","message":"You must be logged in to access this functionality."}`}.JSON()), true)
	// With the data check's element, and that element alone as the data
	// check's own answer.
	withVisits := strings.TrimSuffix(Bulk{Sites: `[{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"}]`}.JSON(), "]")
	add(200, []byte(withVisits+`,[{"lastActionTimestamp":1796170002}]]`), true)
	add(200, []byte(withVisits+`,{"result":"error","message":"Visits log is deactivated globally. A user with super user access can enable this feature in the general settings."}]`), true)
	add(200, []byte(`[{"lastActionTimestamp":"1796170002","idVisit":1},{"lastActionTimestamp":1}]`), true)
	add(401, []byte(`{"result":"error","message":"You can't access this resource as it requires 'view' access for the website id = 3."}`), true)
}

// FuzzDecodeBulk: any bytes given as a bulk answer decode or fail with an
// error, never a panic, and what decodes interprets to exactly one of a
// result or an error fit to show.
func FuzzDecodeBulk(f *testing.F) {
	seedAnswers(f, func(_ int, body []byte, _ bool) { f.Add(body) })
	addr, _ := ParseAddress("https://analytics.example.org")
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, site := range []int{0, 1} {
			b, err := decodeBulk(context.Background(), bytes.NewReader(body), site > 0)
			if err != nil {
				if b != nil {
					t.Fatal("an error and an answer")
				}
				continue
			}
			res, e := interpret(b, addr, site)
			checkOneOutcome(t, res, e)
			if res != nil && (site > 0) != (res.Data != nil) {
				t.Fatalf("data check asked %v, answered %+v", site > 0, res.Data)
			}
		}
	})
}

// FuzzClassifyAnswer: any status, Location and body, read as the answer to
// Verify, Preflight and the GET check, give a result or an error with a
// class, a detail and a hint, and nothing a terminal would execute.
func FuzzClassifyAnswer(f *testing.F) {
	seedAnswers(f, func(status int, body []byte, fromMatomo bool) { f.Add(uint16(status), "", fromMatomo, body) })
	f.Add(uint16(302), "http://127.0.0.1:8089/index.php", true, []byte{})
	f.Add(uint16(307), "//evil.example/\x1b[2J?token_auth=x", false, []byte{})
	f.Add(uint16(429), "", false, []byte("slow down"))
	c, err := NewClient(Options{})
	if err != nil {
		f.Fatal(err)
	}
	addr, _ := ParseAddress("https://analytics.example.org/matomo")
	reqURL, _ := url.Parse(addr.Link(apiQuery("API.getBulkRequest")))
	f.Fuzz(func(t *testing.T, status uint16, location string, fromMatomo bool, body []byte) {
		resp := func() *http.Response {
			h := http.Header{"Location": {location}}
			if fromMatomo {
				h.Set("X-Matomo-Request-Id", "abc12")
			}
			return &http.Response{StatusCode: 100 + int(status)%500, Header: h, Request: &http.Request{URL: reqURL},
				Body: io.NopCloser(bytes.NewReader(body))}
		}
		ctx := context.Background()
		res, e := c.readVerify(ctx, newCall(c, resp()), addr, 0)
		checkOneOutcome(t, res, e)
		p, e := c.readPreflight(ctx, newCall(c, resp()), addr)
		if (p == nil) == (e == nil) {
			t.Fatalf("preflight: %v and %v", p, e)
		}
		if e != nil {
			checkShowable(t, e)
		}
		g, e := c.readGETCheck(ctx, newCall(c, resp()), addr)
		if (g == nil) == (e == nil) {
			t.Fatalf("GET check: %v and %v", g, e)
		}
		if e != nil {
			checkShowable(t, e)
		}
		d, e := c.readDataCheck(ctx, newCall(c, resp()), addr, Site{ID: 1, URL: "https://shop.example"})
		if (d == nil) == (e == nil) {
			t.Fatalf("data check: %v and %v", d, e)
		}
		if e != nil {
			checkShowable(t, e)
		} else if d.Summary(nil).String() == "" || strings.ContainsFunc(d.Summary(nil).String()+d.Matomo+d.Hint().String(), unicode.IsControl) {
			t.Fatalf("data check said %q / %q / %q", d.Summary(nil), d.Matomo, d.Hint())
		}
	})
}

func checkOneOutcome(t *testing.T, res *Result, e *Error) {
	t.Helper()
	if (res == nil) == (e == nil) {
		t.Fatalf("want exactly one of a result and an error: %v, %v", res, e)
	}
	if e != nil {
		checkShowable(t, e)
		return
	}
	if len(res.Sites) == 0 {
		t.Fatal("verified without a site")
	}
	shown := []string{res.Version}
	for i, s := range res.Sites {
		if i > 0 && s.ID < res.Sites[i-1].ID {
			t.Fatalf("sites out of order: %d after %d", s.ID, res.Sites[i-1].ID)
		}
		if s.Access != AccessAdmin && s.Access != AccessWrite && s.Access != AccessView {
			t.Fatalf("site %d has access %q", s.ID, s.Access)
		}
		shown = append(shown, s.Name, s.URL)
	}
	checkClean(t, shown...)
}

// checkShowable: an error has a known class, says what happened and what
// to do, and holds nothing that would steer a terminal.
func checkShowable(t *testing.T, e *Error) {
	t.Helper()
	if e.Class == "" || e.Class.Title().String() == "Something went wrong" || e.Detail.String() == "" || e.Hint.String() == "" {
		t.Fatalf("incomplete error: %#v", e)
	}
	checkClean(t, e.Error(), e.Hint.String(), e.Location, e.Suggested.String())
}

func checkClean(t *testing.T, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if i := strings.IndexFunc(s, func(r rune) bool {
			return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
		}); i >= 0 {
			t.Fatalf("control character in shown text %q", s)
		}
	}
}
