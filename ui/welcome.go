package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// welcomeKeyMap is the welcome screen's keys.
type welcomeKeyMap struct {
	Start key.Binding
}

func defaultWelcomeKeys() welcomeKeyMap {
	return welcomeKeyMap{Start: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start"))}
}

func (k *welcomeKeyMap) bindings() []*key.Binding { return []*key.Binding{&k.Start} }

func (m *Model) welcomeKeys() keySet {
	return keySet{short: []*key.Binding{&m.keys.Welcome.Start, &m.keys.Close}}
}

func (m *Model) updateWelcome(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if key.Matches(k, m.keys.Welcome.Start) {
		return m.goTo(screenAddress)
	}
	_, cmd := m.handleCommon(k)
	return cmd
}

func (m *Model) viewWelcome() string {
	w := m.contentWidth()
	s := m.styles
	demo := ""
	if len(m.cfg.DemoTokens) > 0 {
		demo = s.warn.Render(wrap("Demo mode: a demo Matomo runs inside this program. Nothing goes over the network, and its tokens are not secret.", w))
	}
	return paragraphs(
		s.title.Render(wrap("Create and verify your Matomo API token", w)),
		demo,
		wrap("You need: a Matomo login (user name and password) with access to the sites the "+m.cfg.Tool+" integration should read.", w),
		s.label.Render("What happens")+"\n"+joinLines(
			wrapHanging("1. ", "You enter your Matomo address; the wizard checks that it answers like Matomo (without any token).", w),
			wrapHanging("2. ", "It guides you through creating a token in Matomo, step by step, with direct links.", w),
			wrapHanging("3. ", "You paste the token. It is checked live, with one request.", w),
			wrapHanging("4. ", "You see the Matomo version and every site the token reaches, with its access level.", w)),
		s.label.Render("The token is a secret")+"\n"+wrap(
			"It works like your password: whoever has it can do in Matomo what you can. "+
				"Each user has their own tokens. This wizard sends it only to the Matomo you name, "+
				"inside the request (never in a link), encrypted unless that Matomo runs on this computer, "+
				"and never shows it, logs it or saves it.", w),
	)
}
