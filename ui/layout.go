package ui

import (
	"strconv"
	"strings"
	"sync"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"matomo-onboard/internal/i18n"
)

// The layout helpers every screen uses: wrapping to the terminal's width,
// joining blocks, padding cells, numbers in words.

// wrap breaks text at word boundaries to width, keeping paragraphs.
func wrap(s string, width int) string {
	return wrapped.get(strconv.Itoa(width)+"\x00"+s, func() string {
		return lipgloss.NewStyle().Width(width).Render(s)
	})
}

// wrapped remembers recent wraps: every message draws the screen again,
// most of it the same paragraphs at the same width, and wrapping is most
// of the drawing (a grapheme-aware width for every word). A wrap depends
// only on the text and the width.
var wrapped memo

// memo remembers strings drawn from a key that says everything they were
// drawn from, for the parts of the screen every message draws again
// unchanged. It holds at most maxMemo of them (a few screens' worth at a
// few widths; text typed into a field makes one per key) and starts
// afresh when full. It keeps only what the screen shows, which never
// holds a token or a password (the fields mask them).
type memo struct {
	mu sync.Mutex
	m  map[string]string
}

const maxMemo = 2048

// get returns what draw returned for key, drawing it the first time.
// A nil memo draws every time.
func (c *memo) get(key string, draw func() string) string {
	if c == nil {
		return draw()
	}
	c.mu.Lock()
	out, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return out
	}
	out = draw()
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxMemo {
		c.m = map[string]string{}
	}
	c.m[key] = out
	c.mu.Unlock()
	return out
}

// wrapKeeping is wrap that never breaks inside unit, a part of s such as
// a date and time ("2026-11-19 22:32 CET"), where the wrap would break at
// a hyphen or a space: within it they are swapped for characters the wrap
// does not break at, of the same width, and swapped back after.
func wrapKeeping(s, unit string, width int) string {
	if unit == "" || !strings.Contains(s, unit) || lipgloss.Width(unit) > width {
		return wrap(s, width)
	}
	glued := strings.NewReplacer(" ", "\u00a0", "-", "\u2011").Replace(unit)
	out := wrap(strings.Replace(s, unit, glued, 1), width)
	return strings.NewReplacer("\u00a0", " ", "\u2011", "-").Replace(out)
}

// wrapItems wraps a line of items joined by " · " ("2 Websites · 0
// Admin") between the items only, so that no number is cut from its
// word; an item wider than the screen still breaks.
func wrapItems(s string, width int) string {
	items := strings.Split(s, " · ")
	for i, item := range items {
		if lipgloss.Width(item) <= width {
			items[i] = strings.ReplaceAll(item, " ", "\u00a0")
		}
	}
	return strings.ReplaceAll(wrap(strings.Join(items, " · "), width), "\u00a0", " ")
}

// wrapHanging wraps text after a prefix, indenting continuation lines.
func wrapHanging(prefix, text string, width int) string {
	pw := lipgloss.Width(prefix)
	body := wrap(text, max(10, width-pw))
	return prefix + strings.ReplaceAll(body, "\n", "\n"+strings.Repeat(" ", pw))
}

// breakLong splits a string with no spaces (a URL) into lines of width,
// so that a long link stays whole and readable on a narrow screen.
func breakLong(s string, width int) string {
	if width <= 0 || len(s) <= width {
		return s
	}
	var b strings.Builder
	for len(s) > width {
		b.WriteString(s[:width])
		b.WriteByte('\n')
		s = s[width:]
	}
	b.WriteString(s)
	return b.String()
}

// breakPath splits a path wider than width into lines that end after a
// /, so that no name in it is cut; a single name wider than the screen
// breaks after a - or _ in it (else after a .), and only where it has
// none of these, anywhere.
func breakPath(p string, width int) string {
	if width <= 0 || ansi.StringWidth(p) <= width {
		return p
	}
	var pieces []string
	for _, name := range strings.SplitAfter(p, "/") {
		if ansi.StringWidth(name) <= width {
			pieces = append(pieces, name)
			continue
		}
		parts := splitAfterAny(name, "-_")
		if len(parts) == 1 {
			parts = splitAfterAny(name, ".")
		}
		pieces = append(pieces, parts...)
	}
	lines := fillParts(pieces, width)
	for i, l := range lines {
		lines[i] = breakLong(l, width)
	}
	return strings.Join(lines, "\n")
}

// fillParts joins parts into as few lines of at most width as it can.
func fillParts(parts []string, width int) []string {
	var lines []string
	line := ""
	for _, part := range parts {
		if line != "" && ansi.StringWidth(line+part) > width {
			lines = append(lines, line)
			line = ""
		}
		line += part
	}
	return append(lines, line)
}

// splitAfterAny splits s after each of the characters in seps.
func splitAfterAny(s, seps string) []string {
	var out []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune(seps, r) {
			out = append(out, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// paragraphs joins blocks with blank lines, skipping empty ones.
func paragraphs(blocks ...string) string {
	var out []string
	for _, b := range blocks {
		if b != "" {
			out = append(out, b)
		}
	}
	return strings.Join(out, "\n\n")
}

// joinLines joins non-empty lines.
func joinLines(lines ...string) string {
	var out []string
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// indent adds the one-column left margin to every line.
func indent(s string) string {
	return " " + strings.ReplaceAll(s, "\n", "\n ")
}

// pad fits s into exactly w cells, cutting with an ellipsis.
func pad(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

// quoted puts words someone else wrote (Matomo's) in the quotation marks
// of the text's language: "…" in English, „…“ in German.
func quoted(p *i18n.Printer, s string) string { return p.Sprintf(i18n.UIQuoted, s) }
