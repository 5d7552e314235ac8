package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// View composes header, the current screen's body and the help bar.
// It is a pure function of the model and cheap: it runs after every
// message, so heavy work (filtering 20,000 sites) happens in Update.
func (m *Model) View() tea.View {
	header, body := m.drawn.header, m.drawn.body
	if !m.drawn.ok {
		header, body = m.viewHeader(), m.viewBody()
	}
	footer := m.viewFooter()
	lines := strings.Split(body, "\n")
	// The body ends one line above the help bar, so the keys stand apart.
	avail := m.bodyRoom(header, footer)
	lines = m.clip(lines, avail)
	for len(lines) <= avail {
		lines = append(lines, "")
	}
	content := header + "\n" + strings.Join(lines, "\n") + "\n" + footer
	v := tea.NewView(indent(content))
	v.AltScreen = true
	v.WindowTitle = m.cfg.Printer.Sprintf(i18n.UIBrand)
	if m.screen == screenAddress || m.screen == screenToken || m.screen == screenCreate {
		v.Cursor = nil // the inputs draw their own cursor
	}
	return v
}

// clip shows the part of a long body the person scrolled to, with a
// marker that there is more.
func (m *Model) clip(lines []string, avail int) []string {
	if avail <= 0 || len(lines) <= avail {
		return lines
	}
	maxScroll := len(lines) - avail + 1
	start := min(m.scroll, maxScroll)
	end := start + avail - 1
	out := append([]string(nil), lines[start:end]...)
	// The marker names a key only where it works: on a screen that does
	// not scroll (pgdn pages the site table there) it says what does.
	var marker string
	p := m.cfg.Printer
	switch more := len(lines) - end; {
	case more > 0 && m.keys.PageDown.Enabled():
		marker = p.Sprintf(i18n.UIMoreLinesPgdn, more)
	case more <= 0 && m.keys.PageUp.Enabled():
		marker = p.Sprintf(i18n.UIEndPgup)
	case more > 0 && m.help.ShowAll:
		marker = p.Sprintf(i18n.UIMoreLinesHideKeys, more)
	case more > 0:
		marker = p.Sprintf(i18n.UIMoreLinesTaller, more)
	default:
		marker = p.Sprintf(i18n.UIEnd)
	}
	return append(out, m.styles.subtle.Render(marker))
}

// bodyHeight is how many lines the body may use: the screen minus header,
// footer, the blank line above the footer and the unused last line.
func (m *Model) bodyHeight() int { return m.bodyRoom(m.viewHeader(), m.viewFooter()) }

// bodyRoom is bodyHeight for a header and footer already drawn.
func (m *Model) bodyRoom(header, footer string) int {
	return max(3, m.height-lipgloss.Height(header)-lipgloss.Height(footer)-2)
}

func (m *Model) viewHeader() string {
	w := m.contentWidth()
	place := m.position()
	if h := m.hostLabel(); h != "" {
		room := max(10, w-len(m.position())-3)
		place = ansi.Truncate(h, room, "…") + " · " + m.position()
	}
	brand := m.cfg.Printer.Sprintf(i18n.UIBrand)
	key := fmt.Sprintf("header %d\x00%s\x00%s\x00%s", w, brand, place, m.cfg.Warning)
	return m.styles.drawn.get(key, func() string { return drawHeader(m.styles, w, brand, place, m.cfg.Warning) })
}

// drawHeader draws the header from nothing but its arguments (viewHeader
// remembers it by them): the product, where the person is, a rule and
// the warning if there is one.
func drawHeader(s styles, w int, brand, place, warning string) string {
	left := s.brand.Render(brand)
	right := s.subtle.Render(place)
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	var top string
	if gap >= 2 {
		top = left + strings.Repeat(" ", gap) + right
	} else {
		top = left + "\n" + right
	}
	top += "\n" + s.rule.Render(strings.Repeat("─", w))
	if warning != "" {
		top += "\n" + s.bad.Render(wrap("! "+warning, w))
	}
	return top
}

// position says where in the flow the person is.
func (m *Model) position() string {
	p := m.cfg.Printer
	switch m.screen {
	case screenWelcome:
		return p.Sprintf(i18n.UIPositionWelcome)
	case screenAddress:
		return p.Sprintf(i18n.UIPositionAddress)
	case screenGuide:
		return p.Sprintf(i18n.UIPositionStep, strconv.Itoa(m.guide.index+1), strconv.Itoa(len(m.guide.steps)))
	case screenToken, screenVerifying:
		return p.Sprintf(i18n.UIPositionToken)
	case screenResult:
		if m.found.Result() != nil {
			return p.Sprintf(i18n.UIPositionSites)
		}
		return p.Sprintf(i18n.UIPositionResult)
	case screenDone:
		return p.Sprintf(i18n.UIPositionDone)
	case screenCreate:
		return p.Sprintf(i18n.UIPositionCreate)
	}
	return ""
}

func (m *Model) viewFooter() string {
	var parts []string
	if n, ok := m.statusNote(); ok {
		parts = append(parts, m.viewStatus(n))
	}
	if m.help.ShowAll {
		parts = append(parts, m.fullHelp())
	} else {
		parts = append(parts, m.helpBar(m.shown.ShortHelp()))
	}
	return strings.Join(parts, "\n")
}

// viewStatus lays a status note out: its text wrapped at spaces, and a
// file's path on a line of its own, broken only after a / when it is
// wider than the screen, so that a file name is not cut in two.
func (m *Model) viewStatus(n note) string {
	w := m.contentWidth()
	out := wrap(n.text, w)
	if n.path != "" {
		out += "\n" + breakPath(matomo.Printable(n.path, 4096), w)
	}
	return out
}

// fullHelp shows every key that works now in columns, read down and
// then across, as many as fit the width; within a column the keys are
// aligned, and so are their descriptions (help.FullHelpView aligns each
// group on its own, and cuts the columns that do not fit).
func (m *Model) fullHelp() string {
	entries := m.shown.full
	return m.styles.drawn.get("full help "+helpKey(m.contentWidth(), entries), func() string {
		return m.drawFullHelp(entries)
	})
}

// helpKey says all a help is drawn from besides the styles: the width
// and each binding's keys, description and whether it is enabled.
func helpKey(width int, bindings []key.Binding) string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(width))
	for _, k := range bindings {
		b.WriteString("\x00" + strconv.FormatBool(k.Enabled()) + "\x01" + k.Help().Key + "\x01" + k.Help().Desc)
	}
	return b.String()
}

func (m *Model) drawFullHelp(entries []key.Binding) string {
	for cols := min(len(entries), maxHelpColumns); cols > 1; cols-- {
		if out, ok := m.helpColumns(entries, cols); ok {
			return out
		}
	}
	out, _ := m.helpColumns(entries, 1)
	return out
}

// maxHelpColumns keeps the full help a table rather than a line.
const maxHelpColumns = 4

// helpColumnGap is the room between two columns of the full help.
const helpColumnGap = 4

// helpColumns lays entries out in cols columns; ok is false when they do
// not fit the width. One column always fits: a description that is too
// long wraps under itself.
func (m *Model) helpColumns(entries []key.Binding, cols int) (string, bool) {
	st := m.help.Styles
	width := m.contentWidth()
	rows := (len(entries) + cols - 1) / max(1, cols)
	type column struct {
		keys, descs []string
		keyWidth    int
		width       int
	}
	var table []column
	total := 0
	for start := 0; start < len(entries); start += rows {
		var c column
		for _, b := range entries[start:min(start+rows, len(entries))] {
			c.keys = append(c.keys, b.Help().Key)
			c.descs = append(c.descs, b.Help().Desc)
			c.keyWidth = max(c.keyWidth, lipgloss.Width(b.Help().Key))
		}
		for _, d := range c.descs {
			c.width = max(c.width, c.keyWidth+1+lipgloss.Width(d))
		}
		total += c.width
		table = append(table, c)
	}
	total += helpColumnGap * (len(table) - 1)
	if total > width && len(table) > 1 {
		return "", false
	}
	lines := make([]string, rows)
	for i, c := range table {
		for r := range rows {
			if r >= len(c.keys) {
				continue
			}
			k := st.FullKey.Render(c.keys[r]) + strings.Repeat(" ", c.keyWidth-lipgloss.Width(c.keys[r])+1)
			var cell string
			if len(table) == 1 {
				cell = wrapHanging(k, st.FullDesc.Render(c.descs[r]), width)
			} else {
				cell = k + st.FullDesc.Render(c.descs[r])
			}
			if i < len(table)-1 {
				cell += strings.Repeat(" ", c.width-lipgloss.Width(cell)+helpColumnGap)
			}
			lines[r] += cell
		}
	}
	for r := range lines {
		lines[r] = strings.TrimRight(lines[r], " ")
	}
	return strings.Join(lines, "\n"), true
}

// helpBar lists the keys that work now. Unlike help.ShortHelpView, which
// cuts the line at the terminal's edge, it wraps, so a 40-column screen
// still shows every key.
func (m *Model) helpBar(bindings []key.Binding) string {
	return m.styles.drawn.get("help bar "+helpKey(m.contentWidth(), bindings), func() string {
		return m.drawHelpBar(bindings)
	})
}

func (m *Model) drawHelpBar(bindings []key.Binding) string {
	st := m.help.Styles
	sep := st.ShortSeparator.Render(" · ")
	width := m.contentWidth()
	var lines []string
	line, lineWidth := "", 0
	for _, b := range bindings {
		if !b.Enabled() {
			continue
		}
		item := st.ShortKey.Render(b.Help().Key) + " " + st.ShortDesc.Render(b.Help().Desc)
		w := lipgloss.Width(item)
		switch {
		case line == "":
			line, lineWidth = item, w
		case lineWidth+3+w <= width:
			line += sep + item
			lineWidth += 3 + w
		default:
			lines = append(lines, line)
			line, lineWidth = item, w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) viewBody() string {
	switch m.screen {
	case screenWelcome:
		return m.viewWelcome()
	case screenAddress:
		return m.viewAddress()
	case screenGuide:
		return m.viewGuide()
	case screenToken:
		return m.viewToken()
	case screenVerifying:
		return m.viewVerifying()
	case screenResult:
		return m.viewResult()
	case screenDone:
		return m.viewDone()
	case screenCreate:
		return m.viewCreate()
	}
	return ""
}

// working is a line with the spinner, for a request in flight.
func (m *Model) working(text string) string {
	return wrapHanging(m.spinner.View(), text, m.contentWidth())
}
