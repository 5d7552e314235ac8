package ui_test

import (
	"fmt"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// shops is the recorded Matomo plus three more shops and a kiosk, all
// reached by the viewer's token.
func shops() demomatomo.Data {
	d := demomatomo.Recorded()
	for _, s := range []demomatomo.Site{
		{ID: 4, Name: "Shop DE", MainURL: "https://de.example"},
		{ID: 5, Name: "Shop AT", MainURL: "https://at.example"},
		{ID: 6, Name: "Shop CH", MainURL: "https://ch.example"},
		{ID: 7, Name: "Kiosk", MainURL: "https://kiosk.example"},
	} {
		s.Type, s.Timezone, s.Currency = "website", "UTC", "EUR"
		d.Sites = append(d.Sites, s)
	}
	for i := range d.Users {
		if d.Users[i].Login == "viewer" {
			for id := 4; id <= 7; id++ {
				d.Users[i].Access[id] = matomo.AccessView
			}
		}
	}
	return d
}

// TestFlowFilterChoosesWithTheArrows: while the filter is typed, ↑/↓
// move the selection among the matches and letters (j and k too) go on
// into the filter; Esc clears the filter and keeps the chosen site.
func TestFlowFilterChoosesWithTheArrows(t *testing.T) {
	t.Parallel()
	srv := demomatomo.MustStart(shops(), demomatomo.Options{})
	t.Cleanup(srv.Close)
	for _, width := range []int{40, 120} {
		f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, width, 30)
		f.toToken()
		f.paste(demomatomo.TokenViewer)
		f.press("enter")
		f.waitFor("✓ Token verified", "6 sites", "/ filter")
		f.press("/")
		f.waitFor("↑/↓ choose", "enter done", "esc clear filter")
		f.press("shop")
		f.waitFor("showing 4", "▸ 1 Shop")
		f.press("down", "down", "down")
		f.waitFor("▸ 6 Shop CH")
		f.press(" c")
		f.waitFor("showing 1", "▸ 6 Shop CH", "/ shop c")
		f.press("k") // a letter, not up
		f.waitFor("No site matches \"shop ck\"")
		f.press("backspace", "up")
		f.waitFor("▸ 6 Shop CH", "/ shop c")
		f.press("esc")
		f.waitFor("6 sites · 0 admin · 0 write · 6 view", "▸ 6 Shop CH", "enter use this site")
		f.wantNotOnScreen("showing")
		f.press("enter")
		f.waitFor("Site ID 6 (Shop CH)")
		f.press("ctrl+c")
		f.finish(demomatomo.TokenViewer)
	}
}

// TestFlowDemoTokensAreShownWhole: every demo token's note is on the
// token screen whole, wrapped rather than cut at the screen's edge (token
// 1's ran one character past 80 columns), at 40, 80 and 120 columns.
func TestFlowDemoTokensAreShownWhole(t *testing.T) {
	t.Parallel()
	srv := demomatomo.MustStart(demomatomo.Demo(), demomatomo.Options{})
	t.Cleanup(srv.Close)
	var demo []ui.DemoToken
	for _, tok := range srv.Data().Tokens {
		if !tok.Note.IsZero() {
			demo = append(demo, ui.DemoToken{Value: tok.Value, Note: tok.Note.String()})
		}
	}
	for _, width := range []int{40, 80, 120} {
		f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL, DemoTokens: demo}, width, 60)
		f.toToken()
		f.waitFor("Demo tokens")
		for i, d := range demo {
			f.waitFor(fmt.Sprintf("%d %s", i+1, d.Note))
		}
		f.wantNotOnScreen("…")
		f.press("ctrl+c")
		f.finish()
	}
}
