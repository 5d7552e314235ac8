//go:build !race

package matomo_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
)

// The race detector multiplies what memory costs, so these run without it
// (go test ./... runs them; go test -race skips the file).

// maxPeakHeap is the bound of the issue: at most 64 MiB of heap for any
// answer, measured as the largest rise of the heap's object bytes (live
// and not yet swept) during one Verify.
const maxPeakHeap = 64 << 20

func TestHostileAnswersStayWithinTheMemoryBound(t *testing.T) {
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
	mixedCase := strings.ToUpper(canary[:16]) + canary[16:]
	for _, tc := range []struct {
		name  string
		sites int
		site  func(id int) string
		check func(t *testing.T, res *matomo.Result)
	}{
		{"500,000 sites", 500_000,
			func(id int) string {
				return fmt.Sprintf(`{"idsite":%d,"name":"S%d","main_url":"https:\/\/s%d.io"}`, id, id, id)
			},
			func(t *testing.T, res *matomo.Result) {
				if s := res.Sites[499_999]; s.ID != 500_000 || s.Name != "S500000" || s.URL != "https://s500000.io" {
					t.Errorf("last site %+v", s)
				}
			}},
		{"12 MB of names, each an echo of the token", 12 << 20 / len(canary),
			func(id int) string { return fmt.Sprintf(`{"idsite":%d,"name":"%s","main_url":""}`, id, mixedCase) },
			func(t *testing.T, res *matomo.Result) {
				if s := res.Sites[len(res.Sites)-1]; s.Name != "[token removed]" {
					t.Errorf("last site %+v", s)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var list strings.Builder
			for id := 1; id <= tc.sites; id++ {
				if id > 1 {
					list.WriteByte(',')
				}
				list.WriteString(tc.site(id))
			}
			srv, wire := inflated{{matomo.Bulk{Sites: "[" + list.String() + "]"}.JSON(), 1}}.server(t, true)
			list.Reset()
			client, _ := testClient(t, matomo.Options{Timeout: 30 * time.Second})
			var res *matomo.Result
			var err error
			peak := peakHeapRuns(1, func() {
				res, err = client.Verify(context.Background(), address(t, srv), token(t, canary))
			})
			t.Logf("%d kB on the wire; peak heap %.1f MiB", wire>>10, peak/(1<<20))
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
