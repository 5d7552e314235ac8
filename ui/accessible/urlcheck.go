package accessible

import "matomo-onboard/matomo"

// urlCheckAvailable reports whether the URL check may be offered: the
// session's rule, the wizard's too (after a successful verification, once
// per verified token, and never after the lock-out).
func (s *session) urlCheckAvailable() bool { return s.found.OffersGETCheck() }

// urlCheckRefused says why the URL check is not run again.
func (s *session) urlCheckRefused() {
	switch {
	case s.found.Blocked():
		s.say("The URL check is not run: no more tokens are sent in this session, because of Matomo's lock-out.")
	case s.found.GETCheck() != nil:
		s.say("The URL check was already run, and its answer stays the same: " + matomo.DescribeGETCheck(s.found.GETCheck()))
	case s.found.GETErr() != nil:
		s.say("The URL check was already run once. It runs once per token, since a refusal counts as a failed login; " +
			"only a network problem or a timeout lets it run again.")
	default:
		s.say("The URL check needs a verified token.")
	}
}

// checkURL is the opt-in check whether tools that put the token in a URL
// can use it. It tells what the check does first, and sends the token
// only on an explicit yes: the token lands in the server's access log, and
// a secure-only token's refusal counts as a failed login. Call it only
// when urlCheckAvailable.
func (s *session) checkURL() error {
	s.heading("URL check")
	s.say("Some tools send the token inside URLs (…&token_auth=…). This check finds out whether Matomo accepts this token there.")
	s.say(matomo.GETCheckWarning)
	if s.found.Rejected() > 0 {
		s.say(s.found.Countdown())
	}
	c, err := s.choose("Send the token once in a URL?", []choice{
		{word: "no", alias: "n", label: "do not send it"},
		{word: "yes", alias: "y", label: "send it once in a URL"},
	}, "no")
	if err != nil {
		return err
	}
	if c != "yes" {
		s.say("Not sent: the token did not go into a URL.")
		return nil
	}
	return s.sendInURL()
}

// sendInURL runs the URL check once and says what it means.
func (s *session) sendInURL() error {
	s.sayf("Sending the token once in a URL to %s (one request, up to %s)…", s.found.Checked().String(), seconds(s.client.Timeout()))
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
	s.say("URL check: " + matomo.DescribeGETCheck(check))
	if check.Works {
		return nil
	}
	if check.Matomo != "" {
		s.say("Matomo said: \"" + clean(check.Matomo) + "\"")
	}
	s.say(s.found.Countdown())
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
	s.say("The URL check could not be completed, so it is unknown whether tools that put the token in a URL will work.")
	s.explain(e)
	switch e.Class {
	case matomo.ClassNetwork, matomo.ClassTimeout:
		s.say("You can run the URL check again: type url-check.")
		return nil
	case matomo.ClassBlocked:
		s.say(noMoreTokens + " The token you verified is still good: you can still choose a site and see what to paste where.")
	}
	return nil
}
