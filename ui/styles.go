package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// styles is the one place for colours and text styles. Colours pick the
// light or dark variant of the terminal's background; meaning never rests
// on colour alone (every state also has a symbol and words), so NO_COLOR
// loses nothing but decoration.
type styles struct {
	title    style // screen headings
	brand    style // the product name in the header
	subtle   style // secondary text
	rule     style
	ok       style // ✓ lines
	warn     style // ! lines
	bad      style // ✗ lines
	link     style
	label    style // "Direct link", field names
	input    style // the box around text inputs
	selected style // the chosen row of the site table
	quote    style // Matomo's own words
	help     help.Styles

	// drawn remembers the header and the help as drawn in these styles
	// (they look the same after most messages).
	drawn *memo
}

// drawnIn is what was drawn in the light and in the dark palette: the
// styles of a palette are always the same, so every wizard shares them.
var drawnIn = map[bool]*memo{false: {}, true: {}}

func newStyles(dark bool) styles {
	c := lipgloss.LightDark(dark)
	accent := c(lipgloss.Color("#5B3FD9"), lipgloss.Color("#A99BFF"))
	dim := c(lipgloss.Color("#6B6B6B"), lipgloss.Color("#9A9A9A"))
	green := c(lipgloss.Color("#1F7A36"), lipgloss.Color("#5FD787"))
	amber := c(lipgloss.Color("#8A5A00"), lipgloss.Color("#F2C14E"))
	red := c(lipgloss.Color("#B3261E"), lipgloss.Color("#FF7B72"))
	blue := c(lipgloss.Color("#1558B0"), lipgloss.Color("#7CB7FF"))
	in := func(name string, st lipgloss.Style) style { return style{Style: st, name: name, drawn: drawnIn[dark]} }
	s := styles{
		title:    in("title", lipgloss.NewStyle().Bold(true)),
		brand:    in("brand", lipgloss.NewStyle().Bold(true).Foreground(accent)),
		subtle:   in("subtle", lipgloss.NewStyle().Foreground(dim)),
		rule:     in("rule", lipgloss.NewStyle().Foreground(dim)),
		ok:       in("ok", lipgloss.NewStyle().Foreground(green)),
		warn:     in("warn", lipgloss.NewStyle().Foreground(amber)),
		bad:      in("bad", lipgloss.NewStyle().Foreground(red)),
		link:     in("link", lipgloss.NewStyle().Foreground(blue).Underline(true)),
		label:    in("label", lipgloss.NewStyle().Bold(true)),
		input:    in("input", lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(accent).PaddingLeft(1)),
		selected: in("selected", lipgloss.NewStyle().Bold(true).Reverse(true)),
		quote:    in("quote", lipgloss.NewStyle().Italic(true)),
		help:     helpStyles(c),
		drawn:    drawnIn[dark],
	}
	return s
}

// style is a lipgloss style that remembers what it drew, in its
// palette's memo under its name: the screens draw the same texts in the
// same styles after every message, and a lipgloss Render measures every
// grapheme of them each time. Its other methods are lipgloss's (a style
// derived from it, such as link.Hyperlink(u), draws afresh).
type style struct {
	lipgloss.Style
	name  string
	drawn *memo
}

// Render is lipgloss's Render, remembered.
func (s style) Render(strs ...string) string {
	text := strings.Join(strs, " ") // as lipgloss joins them
	return s.drawn.get(s.name+"\x00"+text, func() string { return s.Style.Render(text) })
}

// helpStyles are the help's: keys brighter than their descriptions, both
// easy to read (at least 4.5:1 against a black or white background, WCAG's
// level for text; bubbles' default draws descriptions at about 2.5:1),
// and the separator a quieter decoration.
func helpStyles(c lipgloss.LightDarkFunc) help.Styles {
	key := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#2E2E2E"), lipgloss.Color("#D4D4D4")))
	desc := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#5C5C5C"), lipgloss.Color("#A6A6A6")))
	sep := lipgloss.NewStyle().Foreground(c(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6E6E6E")))
	return help.Styles{ShortKey: key, ShortDesc: desc, ShortSeparator: sep, Ellipsis: sep,
		FullKey: key, FullDesc: desc, FullSeparator: sep}
}
