package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"matomo-onboard/internal/i18n"
)

// languagePicker chooses the language of Matomo's labels among those the
// person's Matomo lists: a list to move through, since about sixty
// languages fit no line and a typed filter would be one more field a
// pasted token could land in.
type languagePicker struct {
	cursor int
}

// pickerKeyMap is the picker's keys.
type pickerKeyMap struct {
	Move   key.Binding
	Page   key.Binding
	Choose key.Binding
	Cancel key.Binding
}

func defaultPickerKeys(p *i18n.Printer) pickerKeyMap {
	return pickerKeyMap{
		Move:   key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", p.Sprintf(i18n.UIKeyMove))),
		Page:   key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", p.Sprintf(i18n.UIKeyPage))),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyChoose))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyKeepLanguage))),
	}
}

func (k *pickerKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.Move, &k.Page, &k.Choose, &k.Cancel}
}

// openPicker shows the languages with the current one under the cursor.
func (m *Model) openPicker() {
	p := &languagePicker{}
	for i, l := range m.guide.languages {
		if l.Code == m.guide.labelLang {
			p.cursor = i
		}
	}
	m.guide.picker = p
	m.status = note{}
}

// pickerRows is how many languages the list shows at once.
func (m *Model) pickerRows() int { return max(3, m.bodyHeight()-3) }

func (m *Model) updatePicker(k tea.KeyPressMsg) tea.Cmd {
	g, keys := &m.guide, &m.keys.Guide.Pick
	p := g.picker
	last := len(g.languages) - 1
	switch {
	case key.Matches(k, keys.Move):
		if k.String() == "up" {
			p.cursor = max(0, p.cursor-1)
		} else {
			p.cursor = min(last, p.cursor+1)
		}
	case key.Matches(k, keys.Page):
		step := m.pickerRows() - 1
		if k.String() == "pgup" {
			step = -step
		}
		p.cursor = min(last, max(0, p.cursor+step))
	case key.Matches(k, keys.Cancel):
		g.picker = nil
	case key.Matches(k, keys.Choose):
		g.picker = nil
		return m.chooseLanguage(g.languages[p.cursor].Code)
	}
	return nil
}

// chooseLanguage switches the labels to code, asking the Matomo for them
// (one request without a token) unless they came already.
func (m *Model) chooseLanguage(code string) tea.Cmd {
	g := &m.guide
	g.labelLang, g.labelsNote = code, ""
	if g.translations[code] != nil {
		m.rebuildGuide()
		return nil
	}
	m.rebuildGuide() // the built-in words until the Matomo's arrive
	addr := m.found.Checked()
	if addr.IsZero() {
		return nil
	}
	ctx, seq := m.startRequest()
	g.fetching = true
	m.say(m.cfg.Printer.Sprintf(i18n.UIGuideAskingLabels, g.languageName(m.cfg.Printer, code)))
	return labelsCmd(ctx, m.cfg.Client, addr, code, g.textLang, seq)
}

func (m *Model) viewPicker() string {
	w := m.contentWidth()
	s := m.styles
	g := &m.guide
	rows := m.pickerRows()
	top := min(max(0, g.picker.cursor-rows/2), max(0, len(g.languages)-rows))
	var lines []string
	for i := top; i < min(len(g.languages), top+rows); i++ {
		l := g.languages[i]
		name := l.Name
		if l.EnglishName != "" && l.EnglishName != l.Name {
			name += " · " + l.EnglishName
		}
		line := ansi.Truncate(pad(l.Code, 6)+name, max(10, w-2), "…")
		if i == g.picker.cursor {
			lines = append(lines, s.selected.Render("› "+line))
		} else {
			lines = append(lines, "  "+line)
		}
	}
	return paragraphs(
		s.title.Render(wrap(m.cfg.Printer.Sprintf(i18n.UIGuidePickerTitle), w)),
		strings.Join(lines, "\n"),
	)
}
