package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/internal/safefile"
	"matomo-onboard/matomo"
)

// The token leaves the wizard only when the person asks for it, only in
// these ways, and is never drawn on the screen (internal/cli's reveal
// test lists every place that reads it out):
//   - c: the terminal's clipboard (OSC 52), which works over SSH too but
//     which some terminals ignore (tmux with its default settings);
//   - s: the system clipboard, through its own tool (wl-copy, xclip, xsel,
//     pbcopy, clip.exe) with the token on the tool's standard input, only
//     in a session on the person's own computer;
//   - w: a new file the person names, readable by them only.

// SystemClipboard puts text into the system clipboard (see
// internal/desktop).
type SystemClipboard interface {
	Name() string
	Copy(text string) error
}

// tokenFileName is the file w suggests, in the current folder.
const tokenFileName = "matomo-token.txt"

// tokenOutMsg reports a way out the person asked for: where the token
// went ("" when it did not), and what to say.
type tokenOutMsg struct {
	to     string
	status string
}

// tokenSavedMsg reports the saving of the token to a file.
type tokenSavedMsg struct {
	path string
	err  error
}

// saveState is the file name asked for by w.
type saveState struct {
	input textinput.Model
	// problem says why the last try did not save; tokenDropped that a token
	// was taken out of the field.
	problem      string
	tokenDropped bool
}

func newSaveState() saveState {
	in := textinput.New()
	in.Prompt = ""
	in.CharLimit = 4096
	in.KeyMap.Paste.SetEnabled(false) // pastes arrive as bracketed paste
	return saveState{input: in}
}

// copyTokenToTerminal is c: the token in an OSC 52 request to the terminal.
func (m *Model) copyTokenToTerminal() tea.Cmd {
	status := m.cfg.Printer.Sprintf(i18n.UITokenToTerminal, m.otherWaysOut())
	return tea.Batch(
		tea.SetClipboard(m.found.Token().Reveal()),
		func() tea.Msg { return tokenOutMsg{to: "the terminal's clipboard", status: status} },
	)
}

// otherWaysOut names the ways out besides the terminal's clipboard.
func (m *Model) otherWaysOut() string {
	if m.cfg.Clipboard != nil {
		return m.cfg.Printer.Sprintf(i18n.UIOtherWaysSystem, m.cfg.Clipboard.Name())
	}
	return m.cfg.Printer.Sprintf(i18n.UIOtherWaysFile)
}

// copyTokenToSystem is s: the token on the clipboard tool's standard
// input, never in its arguments or environment.
func (m *Model) copyTokenToSystem() tea.Cmd {
	cb, p := m.cfg.Clipboard, m.cfg.Printer
	secret := m.found.Token().Reveal()
	return func() tea.Msg {
		if err := cb.Copy(secret); err != nil {
			return tokenOutMsg{status: p.Sprintf(i18n.UITokenSystemFailed, p.Error(err))}
		}
		return tokenOutMsg{to: "the system clipboard", status: p.Sprintf(i18n.UITokenSystemDone, cb.Name())}
	}
}

// saveTokenToFile writes the token, and a line end, to a new file at
// typed (see safefile.WriteNewNamed): verify reads it back from there.
func (m *Model) saveTokenToFile(typed string) tea.Cmd {
	secret := m.found.Token().Reveal()
	return func() tea.Msg {
		path, err := safefile.WriteNewNamed(typed, tokenFileName, []byte(secret+"\n"))
		return tokenSavedMsg{path: path, err: err}
	}
}

// startSaving opens the file name field.
func (m *Model) startSaving() tea.Cmd {
	m.saving, m.scroll, m.status = true, 0, note{}
	m.save.problem, m.save.tokenDropped = "", false
	if m.save.input.Value() == "" {
		m.save.input.SetValue(tokenFileName)
	}
	m.save.input.CursorEnd()
	m.save.input.SetWidth(max(10, m.contentWidth()-4))
	return m.save.input.Focus()
}

// updateSaving types into the file name field. A token pasted or typed
// into it is dropped at once: the name is shown, and becomes a file's.
func (m *Model) updateSaving(msg tea.Msg) tea.Cmd {
	k, isKey := msg.(tea.KeyPressMsg)
	switch {
	case isKey && key.Matches(k, m.keys.Done.SaveFile):
		name := strings.TrimSpace(m.save.input.Value())
		if name == "" {
			m.save.problem = m.cfg.Printer.Sprintf(i18n.UISaveNoName, tokenFileName)
			return nil
		}
		return m.saveTokenToFile(name)
	case isKey && key.Matches(k, m.keys.Done.CancelSave):
		m.saving = false
		m.save.input.Blur()
		m.say(m.cfg.Printer.Sprintf(i18n.UISaveCanceled))
		return nil
	}
	var cmd tea.Cmd
	m.save.input, cmd = m.save.input.Update(msg)
	if matomo.ContainsToken(m.save.input.Value()) {
		// Only the token goes: the folder and name typed around it stay, so
		// that what follows completes the path the person meant, not a
		// hidden ".txt" in the current folder (attack2 A5).
		m.save.input.SetValue(matomo.CutToken(m.save.input.Value()).Text)
		m.save.input.CursorEnd()
		m.save.tokenDropped = true
	}
	if matomo.HexRun(m.save.input.Value()) >= maskRun {
		m.save.input.EchoMode = textinput.EchoPassword
	} else {
		m.save.input.EchoMode = textinput.EchoNormal
	}
	return cmd
}

// onTokenOut records where the token went.
func (m *Model) onTokenOut(msg tokenOutMsg) {
	m.say(msg.status)
	if msg.to != "" {
		m.tokenOut = msg.to
	}
}

// onTokenSaved ends the saving, or says why it failed and keeps the name
// to be changed.
func (m *Model) onTokenSaved(msg tokenSavedMsg) {
	if msg.err != nil {
		m.save.problem = m.cfg.Printer.Sprintf(i18n.UISaveFailed, matomo.Printable(msg.path, 300), m.cfg.Printer.Error(msg.err))
		return
	}
	m.saving = false
	m.save.input.Blur()
	m.savedTo = msg.path
	m.tokenOut = "the file " + msg.path
	// The path on a line of its own, as the report's.
	m.status = note{text: m.cfg.Printer.Sprintf(i18n.UISaved), path: msg.path, at: m.now()}
}

// viewSaving is the file name field and what it needs said.
func (m *Model) viewSaving() string {
	w := m.contentWidth()
	s, p := m.styles, m.cfg.Printer
	parts := []string{
		s.label.Render(wrap(p.Sprintf(i18n.UISaveTitle), w)),
		s.input.Render(m.save.input.View()),
		s.subtle.Render(wrap(p.Sprintf(i18n.UISaveWhere), w)),
	}
	if m.save.tokenDropped {
		parts = append(parts, s.warn.Render(wrap(p.Sprintf(i18n.UISaveTokenDropped), w)))
	}
	if m.save.problem != "" {
		parts = append(parts, s.bad.Render(wrap(m.save.problem, w)))
	}
	return joinLines(parts...)
}

// askBeforeQuit holds back a q that would end the wizard while the
// verified token is nowhere yet: Matomo does not show it again. It asks
// once; a demo token is no secret and needs no keeping.
func (m *Model) askBeforeQuit() bool {
	// A token the wizard created is held also when its check failed: the
	// failure screen has the ways out then.
	held := m.found.Result() != nil || m.found.Created() != nil
	if m.quitAsked || m.tokenOut != "" || !held || m.found.Token().IsZero() || m.isDemoToken() {
		return false
	}
	if m.screen != screenResult && m.screen != screenDone {
		return false
	}
	m.quitAsked = true
	p := m.cfg.Printer
	keys := i18n.UIQuitKeysTwo
	if m.cfg.Clipboard != nil {
		keys = i18n.UIQuitKeysThree
	}
	ways := p.Sprintf(i18n.UIQuitWaysNext, keys)
	if m.screen == screenDone || m.found.Result() == nil {
		ways = p.Sprintf(i18n.UIQuitWaysHere, keys)
	}
	m.say(p.Sprintf(i18n.UIQuitNotSaved, ways))
	return true
}

// isDemoToken reports whether the verified token is one of the demo's.
func (m *Model) isDemoToken() bool {
	for _, d := range m.cfg.DemoTokens {
		if c, err := matomo.ParseToken(d.Value); err == nil && c.Token.Equal(m.found.Token()) {
			return true
		}
	}
	return false
}
