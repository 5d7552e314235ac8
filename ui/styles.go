package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// styles is the one place for colours and text styles. Colours pick the
// light or dark variant of the terminal's background; meaning never rests
// on colour alone (every state also has a symbol and words), so NO_COLOR
// loses nothing but decoration.
type styles struct {
	title    lipgloss.Style // screen headings
	brand    lipgloss.Style // the product name in the header
	subtle   lipgloss.Style // secondary text
	rule     lipgloss.Style
	ok       lipgloss.Style // ✓ lines
	warn     lipgloss.Style // ! lines
	bad      lipgloss.Style // ✗ lines
	link     lipgloss.Style
	label    lipgloss.Style // "Direct link", field names
	input    lipgloss.Style // the box around text inputs
	selected lipgloss.Style // the chosen row of the site table
	quote    lipgloss.Style // Matomo's own words
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
	s := styles{
		title:    lipgloss.NewStyle().Bold(true),
		brand:    lipgloss.NewStyle().Bold(true).Foreground(accent),
		subtle:   lipgloss.NewStyle().Foreground(dim),
		rule:     lipgloss.NewStyle().Foreground(dim),
		ok:       lipgloss.NewStyle().Foreground(green),
		warn:     lipgloss.NewStyle().Foreground(amber),
		bad:      lipgloss.NewStyle().Foreground(red),
		link:     lipgloss.NewStyle().Foreground(blue).Underline(true),
		label:    lipgloss.NewStyle().Bold(true),
		input:    lipgloss.NewStyle().Border(lipgloss.NormalBorder(), false, false, false, true).BorderForeground(accent).PaddingLeft(1),
		selected: lipgloss.NewStyle().Bold(true).Reverse(true),
		quote:    lipgloss.NewStyle().Italic(true),
		help:     helpStyles(c),
		drawn:    drawnIn[dark],
	}
	return s
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
