package ui

import (
	"fmt"
	"image/color"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// openFullHelp drives a key state at a size and opens the full help
// where it can be opened, as a person presses ?.
func openFullHelp(t *testing.T, st keyState, width, height int) *driver {
	t.Helper()
	return fullHelpOf(st.start(t), width, height)
}

// fullHelpOf is openFullHelp for a driver already in the state.
func fullHelpOf(d *driver, width, height int) *driver {
	d.t.Helper()
	d.send(tea.WindowSizeMsg{Width: width, Height: height})
	if !d.m.help.ShowAll && d.m.keys.Help.Enabled() {
		d.key("?")
	}
	return d
}

// footer is the help as it stands at the bottom of the screen.
func (d *driver) footer() string {
	d.t.Helper()
	f := ansi.Strip(d.m.viewFooter())
	if !strings.HasSuffix(strings.TrimRight(d.screen(), " \n"), strings.TrimRight(indent(f), " \n")) {
		d.t.Fatalf("the footer is not at the bottom of the screen:\n%s", d.screen())
	}
	return f
}

// TestTheFullHelpListsEveryKeyOnce: ? shows each key once (quit once,
// q and ctrl+c together where both work), not ? itself, and the columns
// line up, at 40 and 120 columns on every screen.
func TestTheFullHelpListsEveryKeyOnce(t *testing.T) {
	t.Parallel()
	for _, st := range keyStates {
		for _, size := range [][2]int{{40, 30}, {120, 40}} {
			t.Run(fmt.Sprintf("%s %dx%d", st.name, size[0], size[1]), func(t *testing.T) {
				d := openFullHelp(t, st, size[0], size[1])
				if !d.m.help.ShowAll {
					return // a field has the keyboard: ? is typed
				}
				help := d.footer()
				entries := d.m.shown.FullHelp()[0]
				var keys []string
				for _, b := range entries {
					for _, k := range namedKeys(b) {
						if slices.Contains(keys, k) {
							t.Errorf("%q is listed twice:\n%s", k, help)
						}
						keys = append(keys, k)
					}
					if !strings.Contains(help, b.Help().Key) || !strings.Contains(help, b.Help().Desc) {
						t.Errorf("%s %s is not on screen:\n%s", b.Help().Key, b.Help().Desc, help)
					}
				}
				if strings.Count(help, "quit") != 1 {
					t.Errorf("quit is listed %d times:\n%s", strings.Count(help, "quit"), help)
				}
				if regexp.MustCompile(`(^|\s)\?\s`).MatchString(help) || strings.Contains(help, "fewer keys") {
					t.Errorf("the full help lists ? itself:\n%s", help)
				}
				checkAligned(t, help, entries)
				for _, line := range strings.Split(help, "\n") {
					if w := lipgloss.Width(line); w > d.m.contentWidth() {
						t.Errorf("a help line is %d wide, more than the %d columns there are: %q", w, d.m.contentWidth(), line)
					}
				}
			})
		}
	}
}

// checkAligned: entries whose keys start in the same column of the
// screen have their descriptions start in one column too.
func checkAligned(t *testing.T, help string, entries []key.Binding) {
	t.Helper()
	descAt := map[int]int{} // key's column → its description's column
	for _, b := range entries {
		k, desc := b.Help().Key, b.Help().Desc
		re := regexp.MustCompile(`(^|\s)(` + regexp.QuoteMeta(k) + `)( +)` + regexp.QuoteMeta(desc))
		found := false
		for _, line := range strings.Split(help, "\n") {
			m := re.FindStringSubmatchIndex(line)
			if m == nil {
				continue
			}
			found = true
			keyCol := ansi.StringWidth(line[:m[4]])
			descCol := ansi.StringWidth(line[:m[7]])
			if at, ok := descAt[keyCol]; ok && at != descCol {
				t.Errorf("%s %s: its description starts at column %d, the others of its column at %d:\n%s", k, desc, descCol, at, help)
			}
			descAt[keyCol] = descCol
			break
		}
		if !found {
			t.Errorf("%s %s is not laid out as key and description:\n%s", k, desc, help)
		}
	}
}

// mentionedKeys are the keys a screen names in its own words, and the
// help's name for each.
var mentionedKeys = []struct {
	words, key string
}{
	{"(pgdn)", "pgdown"},
	{"(pgup)", "pgup"},
	{"Esc clears the filter", "esc"},
	{"tab fills in the next one", "tab"},
	{"c copies it", "c"},
	{"choose Yes with →", "right"},
	{"(? hides the keys)", "?"},
}

// TestEveryKeyTheScreenMentionsIsInTheHelp: what the screen tells the
// person to press is in the help, also after paging down a body taller
// than the terminal with the full help open (which makes the body's room
// smaller: "↓ 4 more lines (pgdn)" once stood there without pgdn).
func TestEveryKeyTheScreenMentionsIsInTheHelp(t *testing.T) {
	if raceEnabled {
		t.Skip("hundreds of drives of one goroutine: run without -race")
	}
	t.Parallel()
	for _, st := range keyStates {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			fresh := st.replayer(t)
			for _, width := range []int{40, 120} {
				for height := 12; height <= 40; height += 2 {
					d := fullHelpOf(fresh(t), width, height)
					for page := range 4 {
						if page > 0 {
							d.key("pgdown")
						}
						body := strings.TrimSuffix(d.screen(), indent(d.footer()))
						offered := map[string]bool{"?": d.m.help.ShowAll} // ? closes the full help
						for _, b := range helpOf(d.m) {
							for _, k := range namedKeys(b) {
								offered[k] = true
							}
						}
						words := flat(body)
						for _, mk := range mentionedKeys {
							if strings.Contains(words, mk.words) && !offered[mk.key] {
								t.Fatalf("%dx%d after %d×pgdn: the screen says %q, but the help does not offer %s:\n%s",
									width, height, page, mk.words, mk.key, d.screen())
							}
						}
						// Where the page itself scrolls, more below means pgdn
						// works, and more above pgup.
						if _, scroll := d.m.screenKeys(); scroll != noScroll {
							if strings.Contains(body, "↓ ") && !offered["pgdown"] || d.m.scroll > 0 && !offered["pgup"] {
								t.Fatalf("%dx%d after %d×pgdn: the body is scrolled to %d of %d, but the help offers %v:\n%s",
									width, height, page, d.m.scroll, d.m.maxScroll(), helpOf(d.m), d.screen())
							}
						}
					}
				}
			}
		})
	}
}

// TestHelpIsReadable: the help and the other text styles have at least
// WCAG's 4.5:1 contrast for text, against black for the dark palette and
// against white for the light one; the help's separator, a decoration,
// at least 3:1.
func TestHelpIsReadable(t *testing.T) {
	for _, dark := range []bool{true, false} {
		bg, name := color.Color(color.White), "light"
		if dark {
			bg, name = color.Black, "dark"
		}
		s := newStyles(dark)
		for _, c := range []struct {
			what  string
			style lipgloss.Style
			least float64
		}{
			{"help key", s.help.FullKey, 4.5}, {"help description", s.help.FullDesc, 4.5},
			{"help bar key", s.help.ShortKey, 4.5}, {"help bar description", s.help.ShortDesc, 4.5},
			{"help separator", s.help.ShortSeparator, 3},
			{"secondary text", s.subtle.Style, 4.5}, {"✓", s.ok.Style, 4.5}, {"!", s.warn.Style, 4.5}, {"✗", s.bad.Style, 4.5},
			{"link", s.link.Style, 4.5}, {"product name", s.brand.Style, 4.5},
		} {
			got := contrast(c.style.GetForeground(), bg)
			if got < c.least {
				t.Errorf("%s palette: the %s is drawn at %.2f:1 against its background, want at least %.1f:1", name, c.what, got, c.least)
			}
		}
	}
	// The check itself, on WCAG's own numbers.
	if c := contrast(color.White, color.Black); math.Abs(c-21) > 0.01 {
		t.Fatalf("white on black is %.2f:1, want 21:1", c)
	}
	if c := contrast(lipgloss.Color("#767676"), color.White); math.Abs(c-4.54) > 0.01 {
		t.Fatalf("#767676 on white is %.2f:1, want 4.54:1", c)
	}
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// TestTheHelpLeavesTheBodyWhereItWas: opening and closing the full help
// on a page scrolled to its end keeps the first line shown; the smaller
// room shows less below it, and pgdn then reaches it.
func TestTheHelpLeavesTheBodyWhereItWas(t *testing.T) {
	d := keyState{drive: func(t *testing.T, d *driver) {}}.start(t)
	d.send(tea.WindowSizeMsg{Width: 40, Height: 20})
	for range 6 {
		d.key("pgdown")
	}
	top := d.m.scroll
	if top == 0 || top != d.m.maxScroll() {
		t.Fatalf("not at the end: %d of %d", top, d.m.maxScroll())
	}
	d.key("?")
	if d.m.scroll != top {
		t.Errorf("? moved the body from line %d to %d", top, d.m.scroll)
	}
	d.wantScreen("more lines (pgdn)", "pgdn page down")
	d.key("?")
	if d.m.scroll != top {
		t.Errorf("closing the help moved the body from line %d to %d", top, d.m.scroll)
	}
}
