package accessible

import (
	"strconv"
	"strings"

	"matomo-onboard/matomo"
)

// askToken reads the token without echo, or lets a demo token be chosen
// by number.
func (s *session) askToken() (stage, error) {
	if !s.found.MaySendToken() {
		return s.lockedOut()
	}
	s.token = matomo.Token{}
	s.heading("Token")
	if len(s.cfg.DemoTokens) > 0 {
		check, ok, err := s.chooseDemoToken()
		if err != nil {
			return 0, err
		}
		if ok {
			s.setToken(check)
			return stageConfirm, nil
		}
	}
	s.say("Paste or type the token Matomo showed you, then press Enter. " +
		"Typing is hidden: nothing appears while you type, not even dots.")
	for {
		raw, err := s.readSecret("Token (hidden): ")
		if err != nil {
			return 0, err
		}
		check, perr := matomo.ParseToken(raw)
		if perr == nil {
			s.setToken(check)
			return stageConfirm, nil
		}
		// The message never contains the input.
		s.say("That cannot be used as a token: " + sentence(perr.Error()))
		c, err := s.choose("What next?", []choice{
			{word: "again", alias: "a", label: "type the token again"},
			{word: "steps", alias: "s", label: "back to the steps"},
			{word: "address", label: "change the address"},
			{word: "quit"},
		}, "again")
		if err != nil {
			return 0, err
		}
		switch c {
		case "steps":
			return stageGuide, nil
		case "address":
			return stageAddress, nil
		case "quit":
			return 0, ErrQuit
		}
	}
}

// chooseDemoToken lists the demo Matomo's tokens by what each shows,
// without their values, and lets one be picked by number.
func (s *session) chooseDemoToken() (matomo.TokenCheck, bool, error) {
	n := len(s.cfg.DemoTokens)
	if !s.demoListed {
		s.listDemoTokens()
	} else {
		// Heard once is enough; the list is one word away.
		s.sayf("Demo tokens 1 to %d, as listed before (type list to hear them again).", n)
	}
	s.sayf("Type a number from 1 to %d to use that demo token, or own to type a token yourself.", n)
	for {
		answer, err := s.ask("Demo token", "1")
		if err != nil {
			return matomo.TokenCheck{}, false, err
		}
		switch strings.ToLower(answer) {
		case "own", "o":
			return matomo.TokenCheck{}, false, nil
		case "list", "l", "help", "?":
			s.listDemoTokens()
			continue
		}
		i, cerr := strconv.Atoi(answer)
		if cerr != nil || i < 1 || i > n {
			s.sayf("%s is not one of the answers. Type a number from 1 to %d, or own.", quote(answer), n)
			continue
		}
		check, perr := matomo.ParseToken(s.cfg.DemoTokens[i-1].Value)
		if perr != nil {
			s.say("That demo token cannot be used: " + sentence(perr.Error()))
			continue
		}
		s.sayf("Using demo token %d.", i)
		return check, true, nil
	}
}

func (s *session) listDemoTokens() {
	s.say("This is the demo Matomo. Its tokens, by what each one shows:")
	for i, t := range s.cfg.DemoTokens {
		s.sayf("%d: %s.", i+1, strings.TrimSuffix(clean(t.Note), "."))
	}
	s.demoListed = true
}

// setToken keeps a parsed token and what ParseToken changed or found
// unusual about it, for the confirmation.
func (s *session) setToken(check matomo.TokenCheck) {
	s.token = check.Token
	s.outcome.TokenFingerprint = check.Token.Fingerprint()
	s.tokenNotes = nil
	if check.Trimmed {
		s.tokenNotes = append(s.tokenNotes, "Removed spaces or a line break around the token.")
	}
	if check.Unwrapped != "" {
		s.tokenNotes = append(s.tokenNotes, check.Unwrapped)
	}
	if check.Lowercased {
		s.tokenNotes = append(s.tokenNotes, "Changed the token to lower case, as Matomo's tokens are.")
	}
	s.tokenWarned = len(check.Warnings) > 0
	s.tokenWarnings = check.Warnings
	for _, w := range check.Warnings {
		s.tokenNotes = append(s.tokenNotes, "Warning: "+w)
	}
}

// confirmToken shows what was received (fingerprint, warnings) and where
// it will go, and sends it only when asked: in this mode the person cannot
// see what they typed, and every wrong token counts toward the lock-out.
func (s *session) confirmToken() (stage, error) {
	if !s.found.MaySendToken() {
		return s.lockedOut()
	}
	s.say("Token received: " + s.token.Fingerprint() + ".")
	if !s.tokenWarned {
		s.say("It has the usual form of a Matomo token (32 characters, 0 to 9 and a to f).")
	}
	for _, n := range s.tokenNotes {
		s.say(n)
	}
	where := "It will be sent only to " + s.found.Checked().Host() + ", in the body of one request"
	if !s.found.Checked().PlainHTTP() {
		where += ", encrypted (https)"
	}
	s.say(where + ".")
	// Near the lock-out every wrong token matters: the count comes with
	// the question, as in the wizard.
	if s.found.Rejected() > 0 {
		s.say(s.found.Countdown())
	}
	question, send, def := "Check it now?", "send it to Matomo once", "check"
	switch at, rejected := s.found.RejectedAt(s.token); {
	case rejected:
		// Enter alone must not send it again, and the person must know
		// what sending it again costs.
		s.say("Matomo at " + at.Host() + " rejected this very token earlier in this session. " +
			"Sent again to the same Matomo, it will be rejected again and count as one more failed login.")
		question, send, def = "Send it again anyway?", "send this same token again, once (one more failed login)", "again"
	case s.tokenWarned:
		s.say("It does not have the form of a Matomo token, so Matomo will most likely reject it, " +
			"and each rejected token counts as a failed login.")
		question, send, def = "Send it anyway?", "send it to Matomo anyway, once", "again"
	case s.found.VerifyErr() != nil && s.found.Token().Equal(s.token):
		// This token was sent here and failed: Enter alone must not send it
		// again (an answer that only looks like a server error may be a
		// lock-out).
		def = "again"
	case !s.named[s.found.Checked().Host()]:
		// A redirect led here: the person never gave this server. Enter
		// alone must not send the token to it.
		s.say("You did not type " + s.found.Checked().Host() + ": a redirect led here. " +
			"The token goes there only if you answer check.")
		send = "send it to " + s.found.Checked().Host() + ", which you did not type, once"
		def = "again"
	}
	c, err := s.choose(question, []choice{
		{word: "check", alias: "c", label: send},
		{word: "again", alias: "a", label: "type the token again"},
		{word: "steps", alias: "s", label: "back to the steps"},
		{word: "quit"},
	}, def)
	if err != nil {
		return 0, err
	}
	switch c {
	case "check":
		return stageVerify, nil
	case "again":
		return stageToken, nil
	case "steps":
		s.token = matomo.Token{}
		return stageGuide, nil
	}
	return 0, ErrQuit
}

// verify sends the token once. It never retries by itself: each rejected
// token is a failed login toward Matomo's lock-out.
func (s *session) verify() (stage, error) {
	if !s.found.MaySendToken() {
		return s.lockedOut()
	}
	s.sayf("Checking the token with %s (one request, up to %s)…", s.found.Checked().String(), seconds(s.client.Timeout()))
	sent := matomo.TokenCheck{Token: s.token, Warnings: s.tokenWarnings}
	before := s.client.Requests()
	var res *matomo.Result
	var err error
	s.waitFor(func() { res, err = s.client.Verify(s.ctx, s.found.Checked(), s.token) })
	s.outcome.TokenRequests += s.client.Requests() - before
	if err == nil {
		s.found.RecordVerify(sent, res, nil)
		s.outcome.Result, s.outcome.LastError = res, nil
		s.filter, s.page = "", 0
		return stageResult, nil
	}
	e := matomo.AsError(err)
	if e.Class == matomo.ClassCanceled || s.ctx.Err() != nil {
		return 0, ErrCanceled
	}
	// The session counts a rejection and the lock-out.
	s.found.RecordVerify(sent, nil, e)
	s.failure, s.outcome.LastError = e, e
	return stageFailure, nil
}

// showFailure explains a failed check and offers the ways forward that fit
// it.
func (s *session) showFailure() (stage, error) {
	e := s.failure
	s.explain(e)
	if e.Class == matomo.ClassTokenRejected {
		s.say(s.found.Countdown())
	}
	if e.Class == matomo.ClassBlocked {
		return s.lockedOut()
	}
	if s.found.Created() != nil {
		return s.createdFailure()
	}
	choices, def := failureChoices(e, s.found.MayRetry())
	choices = append(choices, choice{word: "address", label: "change the address"})
	choices = append(choices, s.reportChoice()...)
	choices = append(choices, choice{word: "quit"})
	c, err := s.chooseWithReport("What next?", choices, def)
	if err != nil {
		return 0, err
	}
	switch c {
	case "again":
		return stageToken, nil
	case "steps":
		s.token = matomo.Token{}
		return stageGuide, nil
	case "retry":
		return stageVerify, nil
	case "use":
		return s.useSuggested(e.Suggested)
	case "address":
		return stageAddress, nil
	}
	return 0, ErrQuit
}

// failureChoices are the ways forward that fit a failed token check,
// besides changing the address, and the default among them. Retry follows
// the session's rule (matomo.Session.MayRetry), as in the wizard: only
// where sending the same token again can help. Never after a rejection
// (one more failed login) or the lock-out, and never to an address that
// is not Matomo, which would only send the token to something else once
// more.
func failureChoices(e *matomo.Error, mayRetry bool) ([]choice, string) {
	if (e.Class == matomo.ClassRedirect || e.Class == matomo.ClassPlainHTTP) && !e.Suggested.IsZero() {
		return []choice{{word: "use", alias: "u", label: "check the token with " + e.Suggested.String()}}, "use"
	}
	if e.Class == matomo.ClassTokenRejected {
		return []choice{
			{word: "again", alias: "a", label: "type the token again"},
			{word: "steps", alias: "s", label: "back to the steps, to create a new token"},
		}, "again"
	}
	// Enter alone never sends the token again: a retry must be asked for
	// by name, since each one may add a failed login (an answer that only
	// looks like a server error may be a lock-out).
	var choices []choice
	def := "address" // the fix lies with the address, unless a retry can help
	switch {
	case mayRetry && e.Class == matomo.ClassNoAccess:
		choices = append(choices, choice{word: "retry", alias: "r",
			label: "check the same token again, once an administrator gave its user access"})
		def = "again"
	case mayRetry:
		choices = append(choices, choice{word: "retry", alias: "r", label: "send the same token again, one request"})
		def = "again"
	}
	return append(choices, choice{word: "again", alias: "a", label: "type another token"}), def
}

// useSuggested checks the address a redirect or the https offer points to
// and, when it answers like Matomo, goes back to the token.
func (s *session) useSuggested(addr matomo.Address) (stage, error) {
	s.typed, s.typedByPerson = addr.String(), false
	settled, ok, err := s.settle(addr)
	if err != nil {
		return 0, err
	}
	if !ok {
		return stageAddress, nil
	}
	s.outcome.Address = settled
	return stageConfirm, nil
}

// noMoreTokens says what the lock-out means for the session.
const noMoreTokens = "No more tokens are sent in this session: until the lock lifts, Matomo would refuse even the right one."

// lockedOut explains that the session sends no more tokens after Matomo's
// lock-out, and ends it.
func (s *session) lockedOut() (stage, error) {
	s.say(noMoreTokens + " Run matomo-onboard again when it has lifted.")
	if s.cfg.Report == nil {
		if _, err := s.ask("Press Enter to end", ""); err != nil {
			return 0, err
		}
		return 0, errEnded
	}
	choices := append([]choice{{word: "end", alias: "e", label: "end the session"}}, s.reportChoice()...)
	if _, err := s.chooseWithReport("", choices, "end"); err != nil {
		return 0, err
	}
	return 0, errEnded
}

// createdFailure offers the ways forward after the check of a token the
// wizard created failed: the token is kept, to be checked again where
// that can help, and can be taken now; another token or the steps would
// leave it, which nobody has seen, behind.
func (s *session) createdFailure() (stage, error) {
	s.createdKept()
	for {
		var choices []choice
		def := "quit"
		if s.found.MayRetry() {
			choices = append(choices, choice{word: "retry", alias: "r", label: "check the created token again, one request"})
		}
		choices = append(choices, s.tokenChoices()...)
		choices = append(choices, s.reportChoice()...)
		choices = append(choices, choice{word: "quit"})
		c, err := s.chooseWithReport("What next?", choices, def)
		if err != nil {
			return 0, err
		}
		switch c {
		case "retry":
			return stageVerify, nil
		case "copy":
			s.copyTokenToSystem()
			continue
		case "save":
			if err := s.saveToken(); err != nil {
				return 0, err
			}
			continue
		}
		if s.holdQuit(true) {
			continue
		}
		return 0, ErrQuit
	}
}
