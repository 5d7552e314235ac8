package matomo_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-json-experiment/json/jsontext"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// BenchmarkDecode times reading the answer to Verify's request once it is
// in memory: everything Verify does after the network (echo removal, the
// size limit, the one-pass decode, the roles, the sort, the cleaning and
// the final redaction), for the answer the fake Matomo sends with the
// three columns asked for (slim) and with whole site objects (full, from a
// Matomo that ignores showColumns). Run with:
//
//	go test -run='^$' -bench=BenchmarkDecode -benchtime=5x -count=6 ./matomo
//
// Each round runs, one after another on the same bytes, a bare jsontext
// ReadToken loop (the floor: tokenising without using anything), the
// decoder and, in verify, the baseline (decode_baseline_test.go: the
// decoder this package had before), each after a GC so that one's garbage
// is not the next one's work. ns/op, B/op and allocs/op are the decoder's
// alone. Reported besides:
//   - x-tokens: the decoder's time over the token loop's, medians of the
//     rounds (target ≤ 1.5 for verify), in wall time and, as x-tokens-cpu,
//     in the process's CPU time, which another program on the machine
//     disturbs less;
//   - x-baseline (verify only): the baseline's time over verify's
//     (target ≥ 2.5 at 100,000 full), in wall and CPU time;
//   - allocs/site, and peak-heap-MB: the largest rise of the heap's
//     object bytes during one run (see peakHeap).
func BenchmarkDecode(b *testing.B) {
	for _, sites := range []int{20_000, 100_000} {
		for _, shape := range []string{"slim", "full"} {
			body := fakeAnswer(b, sites, shape == "full")
			b.Run(fmt.Sprintf("sites=%d/%s/verify", sites, shape), func(b *testing.B) {
				benchDecoder(b, body, sites, verifyFromMemory(b), baselineDecoder)
			})
			b.Run(fmt.Sprintf("sites=%d/%s/baseline", sites, shape), func(b *testing.B) {
				benchDecoder(b, body, sites, baselineDecoder, nil)
			})
		}
	}
}

type decoder func(tb testing.TB, body []byte) int // returns the sites read

func verifyFromMemory(tb testing.TB) decoder {
	client, _ := testClient(tb, matomo.Options{})
	addr, tok := address(tb, "https://analytics.example.org"), token(tb, demomatomo.TokenViewer)
	return func(tb testing.TB, body []byte) int {
		res, err := matomo.VerifyAnswer(client, addr, tok, bytes.NewReader(body))
		if err != nil {
			tb.Fatal(err)
		}
		return len(res.Sites)
	}
}

func baselineDecoder(tb testing.TB, body []byte) int {
	sites, err := matomo.BaselineVerify(bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	return len(sites)
}

// tokenLoop reads every token of body with jsontext and nothing else, with
// the options the decoder uses.
func tokenLoop(tb testing.TB, body []byte) int {
	dec := jsontext.NewDecoder(bytes.NewReader(body), jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	n := 0
	for {
		if _, err := dec.ReadToken(); err == io.EOF {
			return n
		} else if err != nil {
			tb.Fatal(err)
		}
		n++
	}
}

func benchDecoder(b *testing.B, body []byte, sites int, decode, other decoder) {
	if got := decode(b, body); got != sites {
		b.Fatalf("read %d sites, want %d", got, sites)
	}
	copied := bytes.Clone(body) // the token loop reads its own copy
	var own, floor, others rounds
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		floor.time(b, tokenLoop, copied)
		if other != nil {
			others.time(b, other, body)
		}
		runtime.GC()
		b.StartTimer()
		own.time(b, decode, body)
	}
	b.StopTimer()
	b.ReportMetric(own.wall()/floor.wall(), "x-tokens")
	b.ReportMetric(own.cpu()/floor.cpu(), "x-tokens-cpu")
	b.ReportMetric(floor.wall()/1e6, "tokens-ms")
	if other != nil {
		b.ReportMetric(others.wall()/own.wall(), "x-baseline")
		b.ReportMetric(others.cpu()/own.cpu(), "x-baseline-cpu")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	decode(b, body)
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(sites), "allocs/site")
	b.ReportMetric(peakHeap(func() { decode(b, body) })/(1<<20), "peak-heap-MB")
}

// rounds are the wall and CPU times of one decoder's runs. CPU time is
// the process's (all threads, the GC's included): on a machine shared
// with other work it moves far less than wall time does.
type rounds struct{ walls, cpus []time.Duration }

func (r *rounds) time(tb testing.TB, d decoder, in []byte) {
	cpu0, start := processCPU(), time.Now()
	d(tb, in)
	r.walls = append(r.walls, time.Since(start))
	r.cpus = append(r.cpus, processCPU()-cpu0)
}

func (r *rounds) wall() float64 { return float64(median(r.walls)) }
func (r *rounds) cpu() float64  { return float64(median(r.cpus)) }

func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// fakeAnswer is the fake Matomo's answer to Verify's request for a viewer
// of sites sites: as asked (slim), or with showColumns taken out of the
// request (full), as from a Matomo that ignores it.
func fakeAnswer(tb testing.TB, sites int, full bool) []byte {
	tb.Helper()
	fake := demomatomo.NewHandler(demomatomo.WithSites(sites-2), demomatomo.Options{})
	query, form := matomo.VerifyRequest(token(tb, demomatomo.TokenViewer))
	if full {
		for k, v := range form {
			form.Set(k, stripShowColumns(v[0]))
		}
	}
	req := httptest.NewRequest(http.MethodPost, "/index.php?"+query, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	fake.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		tb.Fatalf("the fake answered %d: %.200s", rec.Code, rec.Body.Bytes())
	}
	return rec.Body.Bytes()
}

func stripShowColumns(call string) string {
	if i := strings.Index(call, "&showColumns="); i >= 0 {
		rest := call[i+1:]
		if j := strings.IndexByte(rest, '&'); j >= 0 {
			return call[:i] + rest[j:]
		}
		return call[:i]
	}
	return call
}
