package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestTheFirstDrawFitsTheTerminal: Bubble Tea draws the wizard once
// before it sends the terminal's size. Given the size at the start, that
// first draw is already the welcome screen as the golden files keep it,
// not an 80×24 layout that the next frame replaces (a flash of wrongly
// wrapped text on a busy machine).
func TestTheFirstDrawFitsTheTerminal(t *testing.T) {
	for _, size := range []struct{ w, h int }{{40, 24}, {100, 30}} {
		t.Run(strconv.Itoa(size.w), func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", "TestGoldenScreens", "welcome-"+strconv.Itoa(size.w)+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			d := &driver{t: t, m: New(Config{Client: &fakeClient{}, URL: testURL, Now: fixedNow, Width: size.w, Height: size.h})}
			if got := d.screen(); got != string(want) {
				t.Errorf("the first draw at %d×%d is not the welcome screen:\n%s\nwant:\n%s", size.w, size.h, got, want)
			}
		})
	}
}
