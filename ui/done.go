package ui

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func (m *Model) updateDone(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	site := m.found.Site()
	switch {
	case key.Matches(k, keyCopyToken):
		// The one place the token leaves the wizard on purpose: the person
		// asked for a copy, and it goes to their clipboard, not the screen.
		return copyCmd(m.found.Token().Reveal(), "the token")
	case key.Matches(k, keyCopyURL):
		return copyCmd(m.found.Checked().String(), "the Matomo address")
	case key.Matches(k, keyCopySite) && site != nil:
		return copyCmd(strconv.Itoa(site.ID), "the site id")
	case key.Matches(k, keyDoneBack):
		return m.goTo(screenResult)
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

func (m *Model) doneKeys() helpKeys {
	return keys([]key.Binding{keyCopyToken, keyCopyURL, keyCopySite, keyDoneBack, keyQuit}, keyScroll)
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
			field("Matomo URL", m.found.Checked().String()),
			field("Site ID", siteID),
			domain,
			field("API Key", "your token ("+m.found.Token().Fingerprint()+"); c copies it"),
		),
		wrap("Store the token safely, for example in your password manager: Matomo will not show it again, "+
			"and whoever has it can act as you in Matomo. If it leaks, delete it under Administration → Personal → Security.", w),
	)
}
