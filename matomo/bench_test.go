package matomo_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// The benchmarks measure Verify against the fake Matomo running in another
// process (this test binary, started again), so that allocations, B/op and
// peak heap are the client's alone, as they would be against a real
// Matomo. Run them with:
//
//	go test -run='^$' -bench=BenchmarkVerify -benchtime=3s ./matomo
//
// Reported per size (sites the token reaches):
//   - ns/op, B/op, allocs/op: Go's own, for one whole Verify (connect,
//     one POST, decode, classify);
//   - peak-heap-MB: the largest rise of the heap's object bytes
//     (runtime/metrics /memory/classes/heap/objects:bytes, live plus not
//     yet swept) during one Verify, sampled about every 50 µs in 3 extra,
//     untimed runs after a GC; an upper bound on what Verify keeps live;
//   - curl-ms/op and x-curl: the same single request (same URL, same
//     body, token on curl's stdin) made by /usr/bin/curl writing the
//     answer to /dev/null, median of 5 runs, and Verify's time as a
//     multiple of it. curl neither parses nor classifies: it is the floor
//     of one request made by a separate program (its own start included).

const fakeSitesEnv = "MATOMO_ONBOARD_BENCH_FAKE_SITES"

// TestFakeMatomoProcess is the benchmarks' fake Matomo when the test binary
// is started again with fakeSitesEnv set; otherwise it is skipped.
func TestFakeMatomoProcess(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv(fakeSitesEnv))
	if err != nil {
		t.Skip("runs only as the fake Matomo of the benchmarks")
	}
	// The viewer reaches sites 1 and 2 of the recordings plus all generated.
	srv, err := demomatomo.Start("127.0.0.1:0", demomatomo.WithSites(n-2), demomatomo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	fmt.Printf("FAKE_URL=%s\n", srv.URL)
	io.Copy(io.Discard, os.Stdin) // serve until the benchmark closes stdin
}

// fakeInProcess starts the fake Matomo with the given number of sites in
// a child process, stopped when owner's benchmark ends.
func fakeInProcess(owner *testing.B, sites int) string {
	cmd := exec.Command(os.Args[0], "-test.run=^TestFakeMatomoProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), fakeSitesEnv+"="+strconv.Itoa(sites))
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		owner.Fatal(err)
	}
	owner.Cleanup(func() { stdin.Close(); cmd.Wait() })
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		if u, ok := strings.CutPrefix(sc.Text(), "FAKE_URL="); ok {
			go io.Copy(io.Discard, stdout)
			return u
		}
	}
	owner.Fatalf("the fake Matomo process did not start: %v", sc.Err())
	return ""
}

func BenchmarkVerify(b *testing.B) {
	outer := b
	fakes := map[int]string{} // one fake process per size, for all rounds
	for _, sites := range []int{100, 20_000, 100_000} {
		b.Run(fmt.Sprintf("sites=%d", sites), func(b *testing.B) {
			if fakes[sites] == "" {
				fakes[sites] = fakeInProcess(outer, sites)
			}
			base := fakes[sites]
			client, _ := testClient(b, matomo.Options{Timeout: time.Minute})
			addr, tok := address(b, base), token(b, demomatomo.TokenViewer)
			verify := func() {
				res, err := client.Verify(context.Background(), addr, tok)
				if err != nil || len(res.Sites) != sites {
					b.Fatalf("%v, %d sites", err, len(res.Sites))
				}
			}
			verify() // the fake encodes its site list once, on the first request

			b.ReportAllocs()
			for b.Loop() {
				verify()
			}
			perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)

			b.ReportMetric(peakHeap(verify)/(1<<20), "peak-heap-MB")
			if floor := curlFloor(b, base, sites); floor > 0 {
				b.ReportMetric(floor/1e6, "curl-ms/op")
				b.ReportMetric(perOp/floor, "x-curl")
			}
		})
	}
}

const heapMetric = "/memory/classes/heap/objects:bytes"

// peakHeap runs op three times and returns the largest rise of the heap's
// object bytes seen during one run.
func peakHeap(op func()) float64 { return peakHeapRuns(3, op) }

// peakHeapRuns is peakHeap over runs runs.
func peakHeapRuns(runs int, op func()) float64 {
	sample := []metrics.Sample{{Name: heapMetric}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	var peak uint64
	for range runs {
		runtime.GC()
		base := read()
		var top atomic.Uint64
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			for {
				if v := read(); v > top.Load() {
					top.Store(v)
				}
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Microsecond):
				}
			}
		}()
		op()
		close(stop)
		<-done
		if v := read(); v > top.Load() {
			top.Store(v)
		}
		if top.Load() > base && top.Load()-base > peak {
			peak = top.Load() - base
		}
	}
	return float64(peak)
}

var curlFloors sync.Map // sites -> median ns

// curlFloor times the same bulk request made by curl: median of 5 runs, in
// ns, or 0 when curl is not installed. The token goes to curl on stdin
// (--data-binary @-), never in its arguments, where every user of the
// machine could read it.
func curlFloor(b *testing.B, base string, sites int) float64 {
	if v, ok := curlFloors.Load(sites); ok {
		return v.(float64)
	}
	const curl = "/usr/bin/curl"
	if _, err := os.Stat(curl); err != nil {
		b.Logf("no %s: no comparison with curl", curl)
		return 0
	}
	query, form := matomo.VerifyRequest(token(b, demomatomo.TokenViewer))
	body := form.Encode()
	var runs []float64
	for range 5 {
		cmd := exec.Command(curl, "--silent", "--show-error", "--noproxy", "*", "--output", "/dev/null",
			"--write-out", "%{http_code} %{size_download}", "--header", "Content-Type: application/x-www-form-urlencoded",
			"--data-binary", "@-", base+"/index.php?"+query)
		if strings.Contains(strings.Join(cmd.Args, " "), demomatomo.TokenViewer) {
			b.Fatal("the token is in curl's arguments")
		}
		cmd.Stdin = strings.NewReader(body)
		var out bytes.Buffer
		cmd.Stdout = &out
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("curl: %v", err)
		}
		runs = append(runs, float64(time.Since(start).Nanoseconds()))
		if !strings.HasPrefix(out.String(), "200 ") {
			b.Fatalf("curl got %q", out.String())
		}
	}
	sort.Float64s(runs)
	curlFloors.Store(sites, runs[2])
	return runs[2]
}
