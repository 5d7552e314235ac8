package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// Answers from Matomo, tagged with the request's sequence number.
type (
	preflightMsg struct {
		seq  int
		addr matomo.Address
		pre  *matomo.Preflight
		err  *matomo.Error
		// labels is what the Matomo said about its screens' words, asked
		// right after a check that passed; nil when that failed.
		labels *matomo.Labels
	}
	// labelsMsg answers a request for labels in another language.
	labelsMsg struct {
		seq    int
		lang   string
		labels *matomo.Labels
		err    *matomo.Error
	}
	verifiedMsg struct {
		seq int
		tok matomo.TokenCheck
		res *matomo.Result
		err *matomo.Error
	}
	getCheckMsg struct {
		seq   int
		check *matomo.GETCheck
		err   *matomo.Error
	}
	// actionMsg reports the outcome of a side action (open, report); at
	// is the moment the action is about, when that is not the moment its
	// outcome arrives (a report describes the findings when d was pressed).
	actionMsg struct {
		status, path string
		at           *moment
	}
)

// startRequest prepares a cancellable request and returns its context and
// sequence number. Only one request is ever in flight.
func (m *Model) startRequest() (context.Context, int) {
	if m.cancel != nil {
		m.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.seq++
	return ctx, m.seq
}

// finishRequest reports whether an answer belongs to the request in
// flight, and if so ends it.
func (m *Model) finishRequest(seq int) bool {
	if seq != m.seq || m.cancel == nil {
		return false
	}
	m.cancel()
	m.cancel = nil
	return true
}

// cancelRequest abandons the request in flight (Esc while checking).
func (m *Model) cancelRequest() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.seq++
}

// preflightCmd checks the address without a token and, when it answers
// like Matomo, asks it for the guide's labels in labelLang: one more
// request without a token, within the check's own time limit, so that
// the guide can name Matomo's screens as they read. Labels that do not
// come back change nothing: the guide uses its own words.
func preflightCmd(ctx context.Context, c Client, addr matomo.Address, labelLang, textLang string, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, c.Timeout())
		defer cancel()
		pre, err := c.Preflight(ctx, addr)
		msg := preflightMsg{seq: seq, addr: addr, pre: pre, err: matomo.AsError(err)}
		if err == nil {
			msg.labels, _ = c.Labels(ctx, addr, steps.RequestFor(labelLang, textLang, true))
		}
		return msg
	}
}

// labelsCmd asks the checked Matomo for the guide's labels in lang, when
// the person chose another language for them.
func labelsCmd(ctx context.Context, c Client, addr matomo.Address, lang, textLang string, seq int) tea.Cmd {
	return func() tea.Msg {
		req := steps.RequestFor(lang, textLang, false)
		req.Languages = req.Languages[:1] // the text's language came with the check
		l, err := c.Labels(ctx, addr, req)
		return labelsMsg{seq: seq, lang: lang, labels: l, err: matomo.AsError(err)}
	}
}

func verifyCmd(ctx context.Context, c Client, addr matomo.Address, tok matomo.TokenCheck, seq int) tea.Cmd {
	return func() tea.Msg {
		res, err := c.Verify(ctx, addr, tok.Token)
		return verifiedMsg{seq: seq, tok: tok, res: res, err: matomo.AsError(err)}
	}
}

func getCheckCmd(ctx context.Context, c Client, addr matomo.Address, tok matomo.Token, seq int) tea.Cmd {
	return func() tea.Msg {
		check, err := c.CheckGET(ctx, addr, tok)
		return getCheckMsg{seq: seq, check: check, err: matomo.AsError(err)}
	}
}

// copyCmd asks the terminal to put text into its clipboard (OSC 52),
// which works over SSH too, and says only that: whether the terminal did
// is not known (some ignore it, tmux with its default settings), so the
// text, which is on the screen, can be selected instead.
func (m *Model) copyCmd(text string, what *i18n.Message) tea.Cmd {
	status := m.cfg.Printer.Sprintf(i18n.UICopied, what)
	return tea.Batch(
		tea.SetClipboard(text),
		func() tea.Msg { return actionMsg{status: status} },
	)
}
