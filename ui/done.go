package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// doneKeyMap is the done screen's keys.
type doneKeyMap struct {
	CopyToken key.Binding
	CopyURL   key.Binding
	CopySite  key.Binding
	Back      key.Binding
}

func defaultDoneKeys() doneKeyMap {
	return doneKeyMap{
		CopyToken: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy token")),
		CopyURL:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "copy address")),
		CopySite:  key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "copy site id")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to sites")),
	}
}

func (k *doneKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.CopyToken, &k.CopyURL, &k.CopySite, &k.Back}
}

// doneKeys is what the done screen offers.
func (m *Model) doneKeys() keySet {
	k := &m.keys.Done
	var short []*key.Binding
	if !m.found.Token().IsZero() {
		short = append(short, &k.CopyToken)
	}
	short = append(short, &k.CopyURL)
	if m.found.Site() != nil {
		short = append(short, &k.CopySite)
	}
	return keySet{short: append(short, &k.Back, &m.keys.Close)}
}

func (m *Model) updateDone(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	keys := &m.keys.Done
	switch {
	case key.Matches(k, keys.CopyToken):
		// The one place the token leaves the wizard on purpose: the person
		// asked for a copy, and it goes to their clipboard, not the screen.
		return copyCmd(m.found.Token().Reveal(), "the token")
	case key.Matches(k, keys.CopyURL):
		return copyCmd(m.found.Checked().String(), "the Matomo address")
	case key.Matches(k, keys.CopySite):
		return copyCmd(strconv.Itoa(m.found.Site().ID), "the site id")
	case key.Matches(k, keys.Back):
		return m.goTo(screenResult)
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

func (m *Model) viewDone() string {
	w := m.contentWidth()
	s := m.styles
	site := m.found.Site()
	tool := m.cfg.Tool
	field := func(name, value string) string {
		return wrapHanging(s.label.Render(pad(name, 12)), value, w)
	}
	siteID, domain := "(none chosen)", ""
	if site != nil {
		siteID = strconv.Itoa(site.ID) + " (" + site.Name + ")"
		domain = field("Domain", m.found.Domain())
	}
	return paragraphs(
		s.ok.Render(wrap("✓ Ready for "+tool, w)),
		wrap("In "+tool+"'s data-source form for Matomo, enter:", w),
		joinLines(
			field("Matomo URL", m.found.Checked().Readable()),
			field("Site ID", siteID),
			domain,
			field("API Key", "your token ("+m.found.Token().Fingerprint()+"); c copies it"),
		),
		wrap("Store the token safely, for example in your password manager: Matomo will not show it again, "+
			"and whoever has it can act as you in Matomo. If it leaks, delete it under Administration → Personal → Security.", w),
	)
}
