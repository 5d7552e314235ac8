package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/steps"
)

// guideState is the walk through Matomo's screens.
type guideState struct {
	steps []steps.Step
	index int
}

func (g *guideState) current() steps.Step { return g.steps[g.index] }

func (m *Model) updateGuide(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	g := &m.guide
	link := g.current().Link.URL(m.found.Checked())
	switch {
	case key.Matches(k, keyNext):
		if g.index == len(g.steps)-1 {
			return m.goTo(screenToken)
		}
		g.index++
		m.scroll, m.status = 0, ""
		return nil
	case key.Matches(k, keyBack):
		if g.index == 0 {
			return m.goTo(screenAddress)
		}
		g.index--
		m.scroll, m.status = 0, ""
		return nil
	case key.Matches(k, keyHaveToken):
		return m.goTo(screenToken)
	case key.Matches(k, keyOpen) && link != "":
		return m.openCmd(link)
	case key.Matches(k, keyCopyLink) && link != "":
		return copyCmd(link, "the link")
	case key.Matches(k, keyCopyText) && g.current().Copy != "":
		return copyCmd(g.current().Copy, "the description")
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

func (m *Model) guideKeys() helpKeys {
	st := m.guide.current()
	short := []key.Binding{keyNext}
	if st.Link != steps.NoLink {
		short = append(short, keyOpen, keyCopyLink)
	}
	if st.Copy != "" {
		short = append(short, keyCopyText)
	}
	short = append(short, keyHaveToken, keyBack)
	return keys(short, keyScroll, keyQuit)
}

func (m *Model) viewGuide() string {
	w := m.contentWidth()
	s := m.styles
	st := m.guide.current()
	body := wrap(st.Body, w)
	if st.Copy != "" {
		// The suggested description stands out so it can be typed or copied.
		body = strings.Replace(body, "    "+st.Copy, "    "+s.label.Render(st.Copy), 1)
	}
	var link string
	if u := st.Link.URL(m.found.Checked()); u != "" {
		link = s.label.Render("Direct link") + "\n" + s.link.Hyperlink(u).Render(breakLong(u, w))
	}
	var m3 string
	if st.Matomo3 != "" {
		m3 = s.subtle.Render(wrap(st.Matomo3, w))
	}
	return paragraphs(
		s.title.Render(wrap(st.Title, w)),
		body,
		link,
		m3,
		m.viewChecks(),
	)
}

// viewChecks is the line of facts already established about the address.
func (m *Model) viewChecks() string {
	pre := m.found.Preflight()
	if pre == nil {
		return ""
	}
	s := m.styles
	conn := "✓ Matomo reachable"
	switch {
	case pre.Trace.TLS != nil && pre.Trace.SkipVerify:
		conn += " (" + pre.Trace.TLS.Version + ", certificate NOT checked)"
	case pre.Trace.TLS != nil:
		conn += " (" + pre.Trace.TLS.Version + ", certificate ok)"
	case m.found.Checked().PlainHTTP():
		conn += " (plain http)"
	}
	if pre.Version != "" {
		conn += " · Matomo " + pre.Version
	}
	return s.ok.Render(wrap(conn+" · ✓ address checked", m.contentWidth()))
}
