package accessible

import (
	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// urlCheckAvailable reports whether the URL check may be offered: the
// session's rule, the wizard's too (after a successful verification, once
// per verified token, and never after the lock-out).
func (s *session) urlCheckAvailable() bool { return s.found.OffersGETCheck() }

// urlCheckRefused says why the URL check is not run again.
func (s *session) urlCheckRefused() {
	switch {
	case s.found.Blocked():
		s.sayT(i18n.LineURLCheckBlocked)
	case s.found.GETCheck() != nil:
		s.sayT(i18n.LineURLCheckDone, matomo.DescribeGETCheck(s.found.GETCheck()))
	case s.found.GETErr() != nil:
		s.sayT(i18n.LineURLCheckOnce)
	default:
		s.sayT(i18n.LineURLCheckNeedsToken)
	}
}

// checkURL is the opt-in check whether tools that put the token in a URL
// can use it. It tells what the check does first, and sends the token
// only on an explicit yes: the token lands in the server's access log, and
// a secure-only token's refusal counts as a failed login. Call it only
// when urlCheckAvailable.
func (s *session) checkURL() error {
	s.heading(s.t(i18n.LineURLCheckHeading))
	s.sayT(i18n.LineURLCheckExplained)
	s.say(s.cfg.Printer.Text(matomo.GETCheckWarning()))
	if s.found.Rejected() > 0 {
		s.say(s.cfg.Printer.Text(s.found.Countdown()))
	}
	c, err := s.choose(s.t(i18n.LineSendInURL), s.urlCheckChoices(), "no")
	if err != nil {
		return err
	}
	if c != "yes" {
		s.sayT(i18n.LineURLNotSent)
		return nil
	}
	return s.sendInURL()
}

// urlCheckChoices are the answers to the URL check's question: yes sends
// the token in a URL.
func (s *session) urlCheckChoices() []choice {
	return []choice{
		{word: "no", alias: "n", label: s.t(i18n.LineDoNotSend)},
		{word: "yes", alias: "y", label: s.t(i18n.LineSendInURLOnce)},
	}
}

// sendInURL runs the URL check once and says what it means.
func (s *session) sendInURL() error {
	s.sayT(i18n.LineSendingInURL, s.found.Checked().String(), s.seconds(s.client.Timeout()))
	before := s.client.Requests()
	var check *matomo.GETCheck
	var err error
	s.waitFor(func() { check, err = s.client.CheckGET(s.ctx, s.found.Checked(), s.token) })
	s.outcome.TokenRequests += s.client.Requests() - before
	if err != nil {
		return s.urlCheckFailed(matomo.AsError(err))
	}
	// The session counts a refusal as the failed login Matomo recorded.
	s.found.RecordGETCheck(check, nil)
	s.sayT(i18n.LineURLCheckResult, matomo.DescribeGETCheck(check))
	if check.Works {
		return nil
	}
	if check.Matomo != "" {
		s.sayT(i18n.LineMatomoSaid, clean(check.Matomo))
	}
	s.say(s.cfg.Printer.Text(s.found.Countdown()))
	return nil
}

// urlCheckFailed explains a URL check that got no answer about the token.
// Only a network problem or a timeout leaves the check to be offered
// again; a lock-out stops all token sending, as after a token check.
func (s *session) urlCheckFailed(e *matomo.Error) error {
	if e.Class == matomo.ClassCanceled || s.ctx.Err() != nil {
		return ErrCanceled
	}
	s.found.RecordGETCheck(nil, e)
	s.outcome.LastError = e
	s.sayT(i18n.LineURLCheckIncomplete)
	s.explain(e)
	switch e.Class {
	case matomo.ClassNetwork, matomo.ClassTimeout:
		s.sayT(i18n.LineURLCheckAgain, s.wq("url-check"))
		return nil
	case matomo.ClassBlocked:
		s.sayT(i18n.LineStillGood, s.t(i18n.LineNoMoreTokens))
	}
	return nil
}
