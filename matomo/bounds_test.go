package matomo_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
)

// The answers below are what an attacker who runs the server (or sits in
// front of it) can send: small on the wire, huge once inflated, or slow.
// Each must end within the timeout plus half a second, as an error that
// says what was wrong; the memory they may take is checked in
// bounds_heap_test.go, which does not run under the race detector.

// boundsTimeout is --timeout for these tests, as in the attacks.
const boundsTimeout = 3 * time.Second

// inflated is an answer sent gzip-compressed as a series of gzip members,
// each repeated: Go's client inflates them as one stream, so that a few
// kilobytes on the wire become gigabytes.
type inflated []struct {
	text  string
	times int
}

func (a inflated) server(t testing.TB, fromMatomo bool) (url string, wire int) {
	t.Helper()
	var members []gzipMember
	for _, p := range a {
		var b bytes.Buffer
		// The repeated members are small and make the bomb: compressed as
		// well as gzip can.
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		zw.Write([]byte(p.text))
		zw.Close()
		members = append(members, gzipMember{b.Bytes(), p.times})
		wire += b.Len() * p.times
	}
	return gzipServer(t, fromMatomo, members), wire
}

// gzipMember is one gzip member of an answer and how often it is sent.
type gzipMember struct {
	data  []byte
	times int
}

// gzipServer sends the members, in order, as one gzip-encoded answer.
func gzipServer(t testing.TB, fromMatomo bool, members []gzipMember) string {
	env := &hostileEnv{t: t.(*testing.T)}
	return env.httpServer(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		if fromMatomo {
			w.Header().Set("X-Matomo-Request-Id", "abc12")
		}
		for _, m := range members {
			for range m.times {
				if _, err := w.Write(m.data); err != nil {
					return
				}
			}
		}
	})
}

// repeat is s repeated to about n bytes.
func repeat(s string, n int) string { return strings.Repeat(s, max(1, n/len(s))) }

const mib = 1 << 20

// theAttacks are the hostile answers of the issue and their relatives.
// want is in the error's detail.
func theAttacks() []struct {
	name   string
	answer inflated
	want   string
} {
	sites := matomo.Bulk{}.Prefix(5, "[") // everything up to the site list's [
	tiny := repeat(`{},`, mib)            // 349,525 empty site objects
	site := `{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"}`
	return []struct {
		name   string
		answer inflated
		want   string
	}{
		{"20 million tiny site objects", inflated{{sites, 1}, {tiny, 58}, {`{}]]`, 1}},
			"lists more than 500,000 sites"},
		{"a 1 GB string as the version", inflated{{`[{"value":"`, 1}, {repeat("a", mib), 1024}, {`"}]`, 1}},
			"holds a single value or gap of more than 1 MB"},
		{"a 1 GB site name", inflated{{sites + `{"idsite":1,"name":"`, 1}, {repeat("a", mib), 1024}, {`"}]]`, 1}},
			"holds a single value or gap of more than 1 MB"},
		{"a 1 GB field of a site that is not shown", inflated{{sites + `{"idsite":1,"name":"Shop","excluded_ips":"`, 1},
			{repeat("1.2.3.4,", mib), 1024}, {`"}]]`, 1}},
			"holds a single value or gap of more than 1 MB"},
		{"1 GB of whitespace before the answer's first element", inflated{{`[`, 1}, {repeat(" ", mib), 1024}, {`]`, 1}},
			"holds a single value or gap of more than 1 MB"},
		{"1 GB of whitespace between two sites", inflated{{sites + site, 1}, {repeat("\n", mib), 1024}, {`]]`, 1}},
			"holds a single value or gap of more than 1 MB"},
		{"1 GB of whitespace inside a site", inflated{{sites + `{"idsite":1,`, 1}, {repeat("\t", mib), 1024}, {`"name":"Shop"}]]`, 1}},
			"holds a single value or gap of more than 1 MB"},
		{"whitespace in gaps just under the bound, up to the size limit", inflated{{sites + site, 1},
			{repeat(" ", mib-64) + "," + site, 300}, {`]]`, 1}},
			"larger than 256 MB"},
		{"a site name of 4 kB and one byte", inflated{{sites + `{"idsite":1,"name":"` + strings.Repeat("é", 2049) + `"}]]`, 1}},
			"holds a text of more than 4 kB"},
		{"a message of 4 kB and one byte", inflated{{`[{"result":"error","message":"` + strings.Repeat("x", 4097) + `"}]`, 1}},
			"holds a text of more than 4 kB"},
		{"names and addresses of more than 12 MB", inflated{{sites, 1},
			{repeat(`{"idsite":7,"name":"`+strings.Repeat("n", 200)+`","main_url":"`+strings.Repeat("u", 300)+`"},`, mib), 26}, {`{}]]`, 1}},
			"holds more than 12 MB of site names and addresses"},
		{"more admin ids than there can be sites", inflated{{`[{"value":"5.0.2"},{"value":false},{"value":false},[`, 1},
			{repeat(`1,`, mib), 2}, {`1]]`, 1}},
			"lists more than 500,000 site ids"},
	}
}

// TestHostileAnswersEndWithinTheirBounds: each attack ends within the
// timeout plus half a second, well before it for all but the size limit,
// with an error that names the bound (Matomo's answer when it carries
// Matomo's header, an address that is not Matomo otherwise).
func TestHostileAnswersEndWithinTheirBounds(t *testing.T) {
	// Beside the tests that wait (it measures time, not the heap): a
	// machine too slow to reach a bound in time is classed as such below.
	t.Parallel()
	for _, a := range theAttacks() {
		for _, fromMatomo := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/from Matomo %v", a.name, fromMatomo), func(t *testing.T) {
				srv, wire := a.answer.server(t, fromMatomo)
				client, _ := testClient(t, matomo.Options{Timeout: boundsTimeout})
				start := time.Now()
				res, err := client.Verify(context.Background(), address(t, srv), token(t, canary))
				elapsed := time.Since(start)
				if err == nil {
					t.Fatalf("verified %d sites", len(res.Sites))
				}
				e := classOf(t, err)
				t.Logf("%d kB on the wire; after %s: %s: %s", wire>>10, elapsed.Round(time.Millisecond), e.Class, e.Detail)
				if elapsed > boundsTimeout+500*time.Millisecond {
					t.Errorf("took %s with a timeout of %s", elapsed, boundsTimeout)
				}
				if e.Class == matomo.ClassTimeout {
					return // a machine too slow to get to the bound in time: classed as what it was
				}
				wantClass, wantSay := matomo.ClassNotMatomo, "sent an answer that"
				if fromMatomo {
					wantClass, wantSay = matomo.ClassServerError, "Matomo's answer"
				}
				if strings.Contains(a.want, "256 MB") {
					wantSay = "answer"
				}
				if e.Class != wantClass || !strings.Contains(e.Detail.String(), a.want) || !strings.Contains(e.Detail.String(), wantSay) {
					t.Errorf("%s: %s, want %s saying %q", e.Class, e.Detail, wantClass, a.want)
				}
				if !strings.Contains(a.want, "256 MB") && !strings.Contains(e.Detail.String(), "far larger than any Matomo's answer") {
					t.Errorf("detail %q does not say it is far larger than any Matomo's answer", e.Detail)
				}
				checkShowable(t, e)
			})
		}
	}
}

// TestADeadlineInTheMiddleOfTheAnswerIsATimeout: an answer that is still
// arriving, or still being read, when the timeout ends is a timeout, at
// the timeout (plus half a second at most), and says how much had come;
// never "the answer has 0 parts".
func TestADeadlineInTheMiddleOfTheAnswerIsATimeout(t *testing.T) {
	t.Parallel()
	sites := matomo.Bulk{}.Prefix(5, "[")
	trickle := func(chunk string, every time.Duration) func(w http.ResponseWriter, r *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Matomo-Request-Id", "abc12")
			f := w.(http.Flusher)
			w.Write([]byte(sites))
			for r.Context().Err() == nil {
				if _, err := w.Write([]byte(chunk)); err != nil {
					return
				}
				f.Flush()
				select {
				case <-time.After(every):
				case <-r.Context().Done():
				}
			}
		}
	}
	site := `{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"},`
	for _, tc := range []struct {
		name    string
		handler func(w http.ResponseWriter, r *http.Request)
	}{
		{"whitespace trickling in", trickle(strings.Repeat(" ", 16<<10), 100*time.Millisecond)},
		{"sites trickling in", trickle(strings.Repeat(site, 200), 100*time.Millisecond)},
		{"whitespace flooding in", trickle(strings.Repeat("\n", 64<<10), 0)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each waits out its timeout
			srv := (&hostileEnv{t: t}).httpServer(tc.handler)
			const timeout = time.Second
			client, _ := testClient(t, matomo.Options{Timeout: timeout})
			start := time.Now()
			_, err := client.Verify(context.Background(), address(t, srv), token(t, canary))
			elapsed := time.Since(start)
			e := classOf(t, err)
			t.Logf("after %s: %s: %s", elapsed.Round(time.Millisecond), e.Class, e.Detail)
			if elapsed > timeout+500*time.Millisecond {
				t.Errorf("took %s with a timeout of %s", elapsed, timeout)
			}
			if tc.name == "whitespace flooding in" && e.Class != matomo.ClassTimeout {
				if !strings.Contains(e.Detail.String(), "gap of more than 1 MB") {
					t.Errorf("%s: %s, want a timeout or the bound on whitespace", e.Class, e.Detail)
				}
				return
			}
			if e.Class != matomo.ClassTimeout || !strings.Contains(e.Detail.String(), "still arriving after 1s") {
				t.Errorf("%s: %s, want a timeout while the answer was arriving", e.Class, e.Detail)
			}
		})
	}
}
