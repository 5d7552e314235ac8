package realmatomo

import (
	"context"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// The fake loaded with FakeData must give every token what Tokens says it
// reaches: otherwise the fidelity test would compare the real Matomo with
// a fake that holds other data. (The same check runs against the real
// Matomo in matomo's TestRealVerifyEveryKitToken.)
func TestFakeDataHoldsWhatTheKitHolds(t *testing.T) {
	srv := demomatomo.MustStart(FakeData(), demomatomo.Options{Version: Version})
	defer srv.Close()
	client, err := matomo.NewClient(matomo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	addr, err := matomo.ParseAddress(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Tokens() {
		check, err := matomo.ParseToken(c.Token)
		if err != nil {
			t.Fatal(err)
		}
		res, err := client.Verify(context.Background(), addr, check.Token)
		if d := c.Mismatch(res, err); d != "" {
			t.Error(d)
		}
		if err == nil && res.Version != Version {
			t.Errorf("%s: version %q", c.Name, res.Version)
		}
	}
}

// Mismatch must notice a wrong role, a missing site and a wrong class.
func TestMismatchNoticesDifferences(t *testing.T) {
	viewer := Token("viewer")
	good := &matomo.Result{Sites: []matomo.Site{
		{ID: 1, Name: "Shop", URL: "https://shop.example", Access: matomo.AccessView},
		{ID: 2, Name: "Blog", URL: "https://blog.example", Access: matomo.AccessView}}}
	if d := viewer.Mismatch(good, nil); d != "" {
		t.Errorf("the viewer's real answer: %s", d)
	}
	wrongRole := &matomo.Result{Sites: []matomo.Site{good.Sites[0], good.Sites[1]}}
	wrongRole.Sites[1].Access = matomo.AccessWrite
	oneSite := &matomo.Result{Sites: good.Sites[:1]}
	for name, res := range map[string]*matomo.Result{"wrong role": wrongRole, "one site": oneSite} {
		if viewer.Mismatch(res, nil) == "" {
			t.Errorf("%s went unnoticed", name)
		}
	}
	if Token("invalid").Mismatch(good, nil) == "" {
		t.Error("a verified invalid token went unnoticed")
	}
}
