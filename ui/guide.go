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

// guideKeyMap is the guide's keys.
type guideKeyMap struct {
	Next      key.Binding
	Back      key.Binding
	HaveToken key.Binding
	Open      key.Binding
	CopyLink  key.Binding
	CopyText  key.Binding
}

func defaultGuideKeys() guideKeyMap {
	return guideKeyMap{
		Next:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		HaveToken: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "I already have a token")),
		Open:      key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in browser")),
		CopyLink:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy link")),
		CopyText:  key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "copy description")),
	}
}

func (k *guideKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.Next, &k.Back, &k.HaveToken, &k.Open, &k.CopyLink, &k.CopyText}
}

// guideKeys is what the current step offers: its link and text to copy
// only where it has them.
func (m *Model) guideKeys() keySet {
	k := &m.keys.Guide
	short := []*key.Binding{&k.Next}
	if m.guideLink() != "" {
		short = append(short, &k.Open, &k.CopyLink)
	}
	if m.guide.current().Copy != "" {
		short = append(short, &k.CopyText)
	}
	short = append(short, &k.HaveToken, &k.Back)
	return keySet{short: short, more: []*key.Binding{&m.keys.Close}}
}

// guideLink is the current step's deep link into this Matomo, or "".
func (m *Model) guideLink() string { return m.guide.current().Link.URL(m.found.Checked()) }

func (m *Model) updateGuide(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	g, keys := &m.guide, &m.keys.Guide
	switch {
	case key.Matches(k, keys.Next):
		if g.index == len(g.steps)-1 {
			return m.goTo(screenToken)
		}
		g.index++
		m.scroll, m.status = 0, ""
		return nil
	case key.Matches(k, keys.Back):
		if g.index == 0 {
			return m.goTo(screenAddress)
		}
		g.index--
		m.scroll, m.status = 0, ""
		return nil
	case key.Matches(k, keys.HaveToken):
		return m.goTo(screenToken)
	case key.Matches(k, keys.Open):
		return m.openCmd(m.guideLink())
	case key.Matches(k, keys.CopyLink):
		return copyCmd(m.guideLink(), "the link")
	case key.Matches(k, keys.CopyText):
		return copyCmd(g.current().Copy, "the description")
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

func (m *Model) viewGuide() string {
	w := m.contentWidth()
	s := m.styles
	st := m.guide.current()
	body := wrap(st.BodyWithOffer(), w)
	if st.Copy != "" {
		// The suggested description stands out so it can be typed or copied.
		body = strings.Replace(body, "    "+st.Copy, "    "+s.label.Render(st.Copy), 1)
	}
	var link string
	if u := m.guideLink(); u != "" {
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
