package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"matomo-onboard/matomo"
)

// resultWith20000Sites is the wizard on its result screen with a token
// that reaches 20,000 sites.
func resultWith20000Sites(b *testing.B) *Model {
	b.Helper()
	sites := make([]matomo.Site, 20000)
	for i := range sites {
		sites[i] = matomo.Site{ID: i + 1, Name: fmt.Sprintf("Client site %d Webshop", i+1),
			URL: fmt.Sprintf("https://shop%d.example.com", i+1), Access: matomo.AccessView}
	}
	m := New(Config{Client: &fakeClient{}, URL: testURL, Now: fixedNow})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	addr := mustAddrB(b, testURL)
	m.found.RecordPreflight(addr, &matomo.Preflight{Address: addr}, nil)
	m.seq, m.cancel = 1, func() {}
	m.Update(verifiedMsg{seq: 1, res: &matomo.Result{Address: addr, Version: "5.0.2", Sites: sites}})
	return m
}

func mustAddrB(b *testing.B, s string) matomo.Address {
	a, err := matomo.ParseAddress(s)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// BenchmarkResultView20000Sites is the cost of drawing the result screen,
// which Bubble Tea does after every message.
func BenchmarkResultView20000Sites(b *testing.B) {
	m := resultWith20000Sites(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkFilterKeystroke20000Sites is one keystroke in the filter,
// from the key to the redrawn screen: what a person feels when typing.
// Each round types a character that widens the filter again, so every
// keystroke scans all 20,000 sites (the worst case).
func BenchmarkFilterKeystroke20000Sites(b *testing.B) {
	m := resultWith20000Sites(b)
	m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	b.ReportAllocs()
	for b.Loop() {
		m.Update(tea.KeyPressMsg{Code: '9', Text: "9"})
		_ = m.View()
		m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
		_ = m.View()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(2*b.N), "ns/keystroke")
}
