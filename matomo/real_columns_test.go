package matomo_test

import (
	"bytes"
	"context"
	"testing"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
)

// TestRealMatomoSendsOnlyTheShownColumns: the real Matomo 5.1.2 applies
// showColumns to the site list of Verify's request, so that 20,000 sites
// arrive as about 1.6 MB instead of 9.5 MB, and what arrives is read to
// the same sites as the whole objects are (read here with the decoder this
// package had before, over the answer to the request it used to send).
func TestRealMatomoSendsOnlyTheShownColumns(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	tok := token(t, realmatomo.TokenBig)
	res, err := realClient(t).Verify(context.Background(), address(t, in.URL), tok)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Sites) != 20_000 || res.Trace.BodyBytes > 2<<20 {
		t.Fatalf("%d sites in %d bytes, want 20,000 in at most 2 MB", len(res.Sites), res.Trace.BodyBytes)
	}
	t.Logf("20,000 sites in %d bytes", res.Trace.BodyBytes)

	full := answerBodyTo(t, in.URL, tok, requestBeforeIssue11)
	if len(full) < 4*int(res.Trace.BodyBytes) {
		t.Fatalf("the whole objects are %d bytes, the three columns %d", len(full), res.Trace.BodyBytes)
	}
	old, err := matomo.BaselineVerify(bytes.NewReader(oldOrderToNew(t, full)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := describe(res), describe(&matomo.Result{Version: res.Version, Sites: old}); got != want {
		t.Errorf("the three columns and the whole objects give different sites:\n%s\n%s", firstDifference(got, want), firstDifference(want, got))
	}
}
