package accessible

import (
	"strconv"
	"strings"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// askToken reads the token without echo, or lets a demo token be chosen
// by number.
func (s *session) askToken() (stage, error) {
	if !s.found.MaySendToken() {
		return s.lockedOut()
	}
	s.token = matomo.Token{}
	s.heading(s.t(i18n.LineTokenHeading))
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
	s.sayT(i18n.LinePasteToken)
	for {
		raw, err := s.readSecret(s.t(i18n.LineTokenPrompt))
		if err != nil {
			return 0, err
		}
		check, perr := matomo.ParseToken(raw)
		if perr == nil {
			s.setToken(check)
			return stageConfirm, nil
		}
		// The message never contains the input.
		s.sayT(i18n.LineNotAToken, sentence(s.cfg.Printer.Error(perr)))
		c, err := s.choose(s.t(i18n.LineWhatNext), []choice{
			{word: "again", alias: "a", label: s.t(i18n.LineTypeTokenAgain)},
			{word: "steps", alias: "s", label: s.t(i18n.LineBackToSteps)},
			{word: "address", label: s.t(i18n.LineChangeAddress)},
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
		s.sayT(i18n.LineDemoTokensAsBefore, n, s.wq("list"))
	}
	s.sayT(i18n.LineDemoTokenHow, n, s.wq("own"))
	for {
		answer, err := s.ask(s.t(i18n.LineDemoTokenPrompt), "1")
		if err != nil {
			return matomo.TokenCheck{}, false, err
		}
		a := strings.ToLower(answer)
		switch {
		case a == "own" || a == "o" || s.isWord(a, "own"):
			return matomo.TokenCheck{}, false, nil
		case a == "list" || a == "l" || s.isWord(a, "list") || s.isHelp(a):
			s.listDemoTokens()
			continue
		}
		i, cerr := strconv.Atoi(answer)
		if cerr != nil || i < 1 || i > n {
			s.sayT(i18n.LineDemoTokenNotAnAnswer, s.quote(answer), n, s.wq("own"))
			continue
		}
		check, perr := matomo.ParseToken(s.cfg.DemoTokens[i-1].Value)
		if perr != nil {
			s.sayT(i18n.LineDemoTokenUnusable, sentence(s.cfg.Printer.Error(perr)))
			continue
		}
		s.sayT(i18n.LineUsingDemoToken, strconv.Itoa(i))
		return check, true, nil
	}
}

func (s *session) listDemoTokens() {
	s.sayT(i18n.LineDemoTokens)
	for i, t := range s.cfg.DemoTokens {
		s.sayT(i18n.LineDemoTokenItem, strconv.Itoa(i+1), strings.TrimSuffix(clean(t.Note), "."))
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
		s.tokenNotes = append(s.tokenNotes, s.t(i18n.LineTrimmed))
	}
	if !check.Unwrapped.IsZero() {
		s.tokenNotes = append(s.tokenNotes, s.cfg.Printer.Text(check.Unwrapped))
	}
	if check.Lowercased {
		s.tokenNotes = append(s.tokenNotes, s.t(i18n.LineLowercased))
	}
	s.tokenWarned = len(check.Warnings) > 0
	s.tokenWarnings = check.Warnings
	for _, w := range check.Warnings {
		s.tokenNotes = append(s.tokenNotes, s.t(i18n.LineWarning, w))
	}
}

// confirmToken shows what was received (fingerprint, warnings) and where
// it will go, and sends it only when asked: in this mode the person cannot
// see what they typed, and every wrong token counts toward the lock-out.
func (s *session) confirmToken() (stage, error) {
	if !s.found.MaySendToken() {
		return s.lockedOut()
	}
	s.sayT(i18n.LineTokenReceived, s.token.FingerprintText())
	if !s.tokenWarned {
		s.sayT(i18n.LineUsualForm)
	}
	for _, n := range s.tokenNotes {
		s.say(n)
	}
	if s.found.Checked().PlainHTTP() {
		s.sayT(i18n.LineSentOnlyTo, s.found.Checked().Host())
	} else {
		s.sayT(i18n.LineSentOnlyToEncrypted, s.found.Checked().Host())
	}
	// Near the lock-out every wrong token matters: the count comes with
	// the question, as in the wizard.
	if s.found.Rejected() > 0 {
		s.say(s.cfg.Printer.Text(s.found.Countdown()))
	}
	question, send, def := s.t(i18n.LineCheckItNow), s.t(i18n.LineSendOnce), "check"
	// guarded: Matomo will most likely refuse it, or the server is not
	// one the person named; only the word check sends it then.
	guarded := true
	switch at, rejected := s.found.RejectedAt(s.token); {
	case rejected:
		// Enter alone must not send it again, and the person must know
		// what sending it again costs.
		s.sayT(i18n.LineRejectedEarlier, at.Host())
		question, send, def = s.t(i18n.LineSendAgainAnyway), s.t(i18n.LineSendSameAgain), "again"
	case s.tokenWarned:
		s.sayT(i18n.LineOddForm)
		question, send, def = s.t(i18n.LineSendAnyway), s.t(i18n.LineSendAnywayOnce), "again"
	case s.found.VerifyErr() != nil && s.found.Token().Equal(s.token):
		// This token was sent here and failed: Enter alone must not send it
		// again (an answer that only looks like a server error may be a
		// lock-out).
		def = "again"
	case !s.found.Named(s.found.Checked()):
		// A redirect led here: the person never gave this server. Enter
		// alone must not send the token to it.
		s.sayT(i18n.LineNotTyped, s.found.Checked().Host(), s.wq("check"))
		send = s.t(i18n.LineSendToUntyped, s.found.Checked().Host())
		def = "again"
	default:
		guarded = false
	}
	c, err := s.choose(question, s.confirmChoices(send, guarded), def)
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

// confirmChoices are the answers to the question before the token is
// sent: check (with send as its label) sends it; when guarded, only as
// the word.
func (s *session) confirmChoices(send string, guarded bool) []choice {
	check := choice{word: "check", alias: "c", label: send}
	others := []choice{
		{word: "again", alias: "a", label: s.t(i18n.LineTypeTokenAgain)},
		{word: "steps", alias: "s", label: s.t(i18n.LineBackToSteps)},
		{word: "quit"},
	}
	if !guarded {
		return append([]choice{check}, others...)
	}
	// Listed last, without a number: 1 was "go on" at every question
	// before, and must not send what Matomo will most likely refuse.
	check.wordOnly = true
	return append(others, check)
}

// verify sends the token once. It never retries by itself: each rejected
// token is a failed login toward Matomo's lock-out.
func (s *session) verify() (stage, error) {
	if !s.found.MaySendToken() {
		return s.lockedOut()
	}
	s.sayT(i18n.LineCheckingToken, s.found.Checked().String(), s.seconds(s.client.Timeout()))
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
		s.say(s.cfg.Printer.Text(s.found.Countdown()))
	}
	if e.Class == matomo.ClassBlocked {
		return s.lockedOut()
	}
	if s.found.Created() != nil {
		return s.createdFailure()
	}
	choices, def := s.failureChoices(e, s.found.MayRetry())
	choices = append(choices, choice{word: "address", label: s.t(i18n.LineChangeAddress)})
	choices = append(choices, s.reportChoice()...)
	choices = append(choices, choice{word: "quit"})
	c, err := s.chooseWithReport(s.t(i18n.LineWhatNext), choices, def)
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
func (s *session) failureChoices(e *matomo.Error, mayRetry bool) ([]choice, string) {
	if (e.Class == matomo.ClassRedirect || e.Class == matomo.ClassPlainHTTP) && !e.Suggested.IsZero() {
		return []choice{{word: "use", alias: "u", label: s.t(i18n.LineCheckTokenWith, e.Suggested.String())}}, "use"
	}
	if e.Class == matomo.ClassTokenRejected {
		return []choice{
			{word: "again", alias: "a", label: s.t(i18n.LineTypeTokenAgain)},
			{word: "steps", alias: "s", label: s.t(i18n.LineBackToStepsNewToken)},
		}, "again"
	}
	// Enter alone never sends the token again: a retry must be asked for
	// by name, since each one may add a failed login (an answer that only
	// looks like a server error may be a lock-out).
	var choices []choice
	def := "address" // the fix lies with the address, unless a retry can help
	switch {
	case mayRetry && e.Class == matomo.ClassNoAccess:
		choices = append(choices, choice{word: "retry", alias: "r", label: s.t(i18n.LineRetryAfterAccess)})
		def = "again"
	case mayRetry:
		choices = append(choices, choice{word: "retry", alias: "r", label: s.t(i18n.LineRetryOnce)})
		def = "again"
	}
	return append(choices, choice{word: "again", alias: "a", label: s.t(i18n.LineTypeAnotherToken)}), def
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

// lockedOut explains that the session sends no more tokens after Matomo's
// lock-out, and ends it.
func (s *session) lockedOut() (stage, error) {
	s.sayT(i18n.LineRunAgainLater, s.t(i18n.LineNoMoreTokens))
	if s.cfg.Report == nil {
		if _, err := s.ask(s.t(i18n.LinePressEnterToEnd), ""); err != nil {
			return 0, err
		}
		return 0, errEnded
	}
	choices := append([]choice{{word: "end", alias: "e", label: s.t(i18n.LineEndSession)}}, s.reportChoice()...)
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
			choices = append(choices, choice{word: "retry", alias: "r", label: s.t(i18n.LineRetryCreated)})
		}
		choices = append(choices, s.tokenChoices()...)
		choices = append(choices, s.reportChoice()...)
		choices = append(choices, choice{word: "quit"})
		c, err := s.chooseWithReport(s.t(i18n.LineWhatNext), choices, def)
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
