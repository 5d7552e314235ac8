//go:build !race

package matomo_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
)

// The race detector multiplies what memory costs, so these run without it
// (go test ./... runs them; go test -race skips the file).
//
// Each test measures the heap of the process it runs in, so it runs in a
// process of its own (this test binary, run again for that one test):
// there it is alone, and here it waits beside the other parallel tests
// instead of before them.

// heapAloneEnv, set to a test's name, makes this test binary the process
// in which that test measures the heap.
const heapAloneEnv = "MATOMO_ONBOARD_HEAP_TEST"

// measureAlone runs the calling test in a process of its own and reports
// its outcome, unless this is that process, where it returns at once and
// the test measures.
func measureAlone(t *testing.T) (alone bool) {
	t.Helper()
	if os.Getenv(heapAloneEnv) == t.Name() {
		return true
	}
	t.Parallel()
	cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), heapAloneEnv+"="+t.Name())
	out, err := cmd.CombinedOutput()
	t.Logf("in a process of its own:\n%s", out)
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()+" ") {
		t.Fatalf("%s in a process of its own: %v", t.Name(), err)
	}
	return false
}

// maxPeakHeap is the bound of the issue: at most 64 MiB of heap for any
// answer, measured as the largest rise of the heap's object bytes (live
// and not yet swept) during one Verify.
const maxPeakHeap = 64 << 20

func TestHostileAnswersStayWithinTheMemoryBound(t *testing.T) {
	if !measureAlone(t) {
		return
	}
	for _, a := range theAttacks() {
		t.Run(a.name, func(t *testing.T) {
			srv, _ := a.answer.server(t, true)
			client, _ := testClient(t, matomo.Options{Timeout: 30 * time.Second})
			var err error
			peak := peakHeapRuns(1, func() {
				_, err = client.Verify(context.Background(), address(t, srv), token(t, canary))
			})
			t.Logf("peak heap %.1f MiB: %v", peak/(1<<20), err)
			if err == nil {
				t.Fatal("verified")
			}
			if peak > maxPeakHeap {
				t.Errorf("peak heap %.1f MiB, the bound is %d MiB", peak/(1<<20), maxPeakHeap>>20)
			}
		})
	}
}

// TestTheLargestAnswersWithinTheBoundsFitInMemory: what the bounds let
// through still fits: 500,000 sites; and as many names as the text bound
// allows, every one an echo of the token in mixed case, which the
// redaction rewrites after the decode (so they are held twice).
func TestTheLargestAnswersWithinTheBoundsFitInMemory(t *testing.T) {
	if !measureAlone(t) {
		return
	}
	mixedCase := strings.ToUpper(canary[:16]) + canary[16:]
	for _, tc := range []struct {
		name  string
		sites int
		site  func(b []byte, id int) []byte // appends site id to b
		check func(t *testing.T, res *matomo.Result)
	}{
		{"500,000 sites", 500_000,
			func(b []byte, id int) []byte {
				b = strconv.AppendInt(append(b, `{"idsite":`...), int64(id), 10)
				b = strconv.AppendInt(append(b, `,"name":"S`...), int64(id), 10)
				b = strconv.AppendInt(append(b, `","main_url":"https:\/\/s`...), int64(id), 10)
				return append(b, `.io"}`...)
			},
			func(t *testing.T, res *matomo.Result) {
				if s := res.Sites[499_999]; s.ID != 500_000 || s.Name != "S500000" || s.URL != "https://s500000.io" {
					t.Errorf("last site %+v", s)
				}
			}},
		{"12 MB of names, each an echo of the token", 12 << 20 / len(canary),
			func(b []byte, id int) []byte {
				b = strconv.AppendInt(append(b, `{"idsite":`...), int64(id), 10)
				return append(append(append(b, `,"name":"`...), mixedCase...), `","main_url":""}`...)
			},
			func(t *testing.T, res *matomo.Result) {
				if s := res.Sites[len(res.Sites)-1]; s.Name != "[token removed]" {
					t.Errorf("last site %+v", s)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			answer := gzipList(tc.sites, tc.site)
			srv := gzipServer(t, true, []gzipMember{{answer, 1}})
			client, _ := testClient(t, matomo.Options{Timeout: 30 * time.Second})
			var res *matomo.Result
			var err error
			peak := peakHeapRuns(1, func() {
				res, err = client.Verify(context.Background(), address(t, srv), token(t, canary))
			})
			t.Logf("%d kB on the wire; peak heap %.1f MiB", len(answer)>>10, peak/(1<<20))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Sites) != tc.sites {
				t.Fatalf("%d sites, want %d", len(res.Sites), tc.sites)
			}
			tc.check(t, res)
			if peak > maxPeakHeap {
				t.Errorf("peak heap %.1f MiB, the bound is %d MiB", peak/(1<<20), maxPeakHeap>>20)
			}
		})
	}
}

// gzipList is an answer whose site list holds sites 1 to n, compressed
// quickly as it is written: the 30 MB of the largest list are never held
// whole, and at gzip's best level they took longer than the decode.
func gzipList(n int, site func(b []byte, id int) []byte) []byte {
	before, after, _ := strings.Cut(matomo.Bulk{Sites: "\x00"}.JSON(), "\x00")
	var out bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&out, gzip.BestSpeed)
	zw.Write([]byte(before + "["))
	var b []byte
	for id := 1; id <= n; id++ {
		if b = b[:0]; id > 1 {
			b = append(b, ',')
		}
		zw.Write(site(b, id))
	}
	zw.Write([]byte("]" + after))
	zw.Close()
	return out.Bytes()
}
