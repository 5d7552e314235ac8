package accessible

import (
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// address asks for the Matomo address until one passes the pre-flight
// check. What the person typed stays the default, so nothing is lost.
func (s *session) address() (stage, error) {
	s.heading(s.t(i18n.LineAddressHeading))
	if s.urlHadToken {
		s.sayT(i18n.LineURLHadToken, s.t(i18n.LineTokenRemoved))
		if s.typed != "" {
			s.sayT(i18n.LineAddressKept, s.typed)
		}
		s.urlHadToken = false
	}
	for {
		if s.typed != "" {
			s.sayT(i18n.LinePressEnterToUse, clean(s.typed))
		} else {
			s.sayT(i18n.LineTypeTheAddress)
		}
		def := s.typed
		raw, err := s.askAddress(def)
		if err != nil {
			return 0, err
		}
		if s.isHelp(raw) {
			s.sayT(i18n.LineAddressHelp, s.wq("quit"))
			continue
		}
		if matomo.ContainsTokenPiece(raw) {
			s.dropToken(raw)
			continue
		}
		if looksLikeToken(raw) && !strings.Contains(raw, ".") {
			// Kept as the default, it would be printed in the next prompt.
			s.typed = ""
			s.sayT(i18n.LineTokenNotAddress)
			continue
		}
		s.typed, s.typedByPerson = raw, raw != def || s.typedByPerson
		addr, perr := matomo.ParseAddress(raw)
		if perr != nil {
			s.sayT(i18n.LineAddressUnusable, s.cfg.Printer.Error(perr))
			continue
		}
		if s.typedByPerson {
			s.found.Name(addr)
		}
		for _, n := range addr.Notes {
			s.say(s.cfg.Printer.Text(n))
		}
		if w := addr.HostWarning(); !w.IsZero() {
			s.sayT(i18n.LineWarning, w)
		}
		if len(addr.Notes) > 0 || addr.UnicodeHost() != "" {
			s.sayT(i18n.LineUsing, addr.Readable())
		}
		settled, ok, err := s.settle(addr)
		if err != nil {
			return 0, err
		}
		if !ok {
			continue
		}
		s.outcome.Address = settled
		if !s.token.IsZero() {
			// Back from a failed check with a token in hand: offer to check
			// the same token at the corrected address.
			return stageConfirm, nil
		}
		return stageGuide, nil
	}
}

// dropToken handles an answer to the address question that holds a token
// (an API link with token_auth, say). The answer is never kept, since the
// default is printed with the next prompt; what is kept is the address
// part, to confirm with Enter, and nothing sends before that.
func (s *session) dropToken(raw string) {
	s.typed, s.typedByPerson = addressWithoutToken(raw), true
	only, held := i18n.LineLooksLikeToken, i18n.LineAnswerHeldToken
	if !matomo.ContainsToken(raw) {
		// 12 to 31 hex characters in a row: a token with a character
		// missing, or half of one wrapped onto two lines (the other half
		// then comes as the next answer, and is dropped the same way).
		only, held = i18n.LineLooksLikeTokenPiece, i18n.LineAnswerHeldTokenPiece
	}
	if s.typed == "" {
		s.sayT(only, s.t(i18n.LineTokenRemoved))
		return
	}
	s.sayT(held, s.t(i18n.LineTokenRemoved), s.typed)
}

// addressWithoutToken is what may be kept of a text that holds a token:
// the text with the token taken out (matomo.CutToken keeps the address a
// token was glued to, "https://analytics.example.de" + token), normalised
// when it is an address; nothing when nothing is left.
func addressWithoutToken(raw string) string {
	cut := matomo.CutTokenPieces(raw)
	if addr, err := matomo.ParseAddress(cut.Text); err == nil {
		return addr.String() // the query, where a token_auth sat, is gone
	}
	kept := strings.TrimSpace(cut.Text)
	if matomo.ContainsTokenPiece(kept) || strings.TrimRight(kept, "/:") == "https" || strings.TrimRight(kept, "/:") == "http" {
		return ""
	}
	return clean(kept)
}

// settle takes an address through the plain-http warning and the
// pre-flight check. It returns the address to use, or ok=false when the
// person wants to type another one.
func (s *session) settle(addr matomo.Address) (matomo.Address, bool, error) {
	httpAccepted := ""
	for {
		if addr.PlainHTTP() && !addr.IsLoopback() && httpAccepted != addr.String() {
			next, err := s.warnHTTP(addr)
			if err != nil || next.IsZero() {
				return matomo.Address{}, false, err
			}
			if next.String() == addr.String() {
				httpAccepted = addr.String()
			}
			addr = next
		} else if addr.PlainHTTP() && addr.IsLoopback() {
			s.sayT(i18n.LinePlainHTTPFine, addr.Host())
		}
		s.sayT(i18n.LineCheckingAddress, addr.Readable(), s.seconds(s.client.Timeout()))
		var p *matomo.Preflight
		var err error
		started := time.Now()
		s.waitFor(func() { p, err = s.client.Preflight(s.ctx, addr) })
		if err == nil {
			sameMatomo := addr.String() == s.found.Address().String()
			s.found.RecordPreflight(addr, p, nil)
			s.preflightFound(p)
			s.askLabels(addr, p, sameMatomo, started.Add(s.client.Timeout()))
			return addr, true, nil
		}
		e := matomo.AsError(err)
		if e.Class == matomo.ClassCanceled || s.ctx.Err() != nil {
			return matomo.Address{}, false, ErrCanceled
		}
		s.found.RecordPreflight(addr, nil, e)
		s.outcome.LastError = e
		s.explain(e)
		next, retype, cerr := s.afterPreflightFailure(addr, e)
		if cerr != nil || retype {
			return matomo.Address{}, false, cerr
		}
		addr = next
	}
}

// warnHTTP explains that a token would cross the network in clear text and
// offers https. It returns the address to check, or the zero Address when
// the person wants to type another one.
func (s *session) warnHTTP(addr matomo.Address) (matomo.Address, error) {
	secure := addr.WithScheme("https")
	s.sayT(i18n.LinePlainHTTPWarning, addr.String())
	c, err := s.choose(s.t(i18n.LineUseHTTPS), []choice{
		{word: "https", alias: "s", label: s.t(i18n.LineUseAddress, secure.String())},
		{word: "http", label: s.t(i18n.LineKeepHTTP)},
		{word: "change", alias: "c", label: s.t(i18n.LineTypeAnotherAddress)},
		{word: "quit"},
	}, "https")
	if err != nil {
		return matomo.Address{}, err
	}
	switch c {
	case "https":
		s.typed = secure.String()
		return secure, nil
	case "http":
		return addr, nil
	case "change":
		return matomo.Address{}, nil
	}
	return matomo.Address{}, ErrQuit
}

// preflightFound says what the check without a token found.
func (s *session) preflightFound(p *matomo.Preflight) {
	if len(p.Markers) > 0 {
		s.sayT(i18n.LineMatomoAnswersMarkers, p.Address.Readable(), s.markers(p.Markers))
	} else {
		s.sayT(i18n.LineMatomoAnswers, p.Address.Readable())
	}
	if p.Version != "" {
		s.sayT(i18n.LineMatomoVersion, p.Version)
	}
	if t := p.Trace.TLS; t != nil {
		s.say(s.tlsFound(p.Trace))
	}
}

// tlsFound says what the secure connection of a check was. With
// certificate checks switched off (--insecure-skip-verify) nothing about
// the certificate was checked, so nothing may sound as if it had been.
func (s *session) tlsFound(tr matomo.Trace) string {
	if tr.SkipVerify {
		return s.t(i18n.LineTLSNotChecked, tr.TLS.Version)
	}
	if !tr.TLS.NotAfter.IsZero() {
		return s.t(i18n.LineTLSUntil, tr.TLS.Version, s.cfg.Printer.Date(tr.TLS.NotAfter))
	}
	return s.t(i18n.LineTLS, tr.TLS.Version)
}

// afterPreflightFailure offers the ways forward after a failed check: the
// address a redirect points to, the same address again, or another one.
func (s *session) afterPreflightFailure(addr matomo.Address, e *matomo.Error) (next matomo.Address, retype bool, err error) {
	choices := []choice{
		{word: "change", alias: "c", label: s.t(i18n.LineTypeAnotherAddress)},
		{word: "again", alias: "a", label: s.t(i18n.LineCheckAgain, addr.String())},
	}
	def := "change"
	if !e.Suggested.IsZero() && e.Suggested.String() != addr.String() {
		choices = append([]choice{{word: "use", alias: "u", label: s.t(i18n.LineUseAddress, e.Suggested.String())}}, choices...)
		def = "use"
	}
	choices = append(choices, s.reportChoice()...)
	choices = append(choices, choice{word: "quit"})
	c, err := s.chooseWithReport(s.t(i18n.LineWhatNext), choices, def)
	if err != nil {
		return matomo.Address{}, false, err
	}
	switch c {
	case "use":
		s.typed, s.typedByPerson = e.Suggested.String(), false
		return e.Suggested, false, nil
	case "again":
		return addr, false, nil
	case "change":
		return matomo.Address{}, true, nil
	}
	return matomo.Address{}, false, ErrQuit
}

// explain prints a failure: the class in words, what happened, Matomo's
// own message, and what to do.
func (s *session) explain(e *matomo.Error) {
	p := s.cfg.Printer
	s.say(p.Sprintf(i18n.LineProblem, e.Title()))
	if !e.Detail.IsZero() {
		s.say(p.Text(e.Detail))
	}
	if e.Matomo != "" {
		s.say(p.Sprintf(i18n.LineMatomoSaid, e.Matomo))
	}
	if !e.Hint.IsZero() {
		s.say(p.Sprintf(i18n.LineWhatToDo, e.Hint))
	}
}

// markers are the signs that Matomo answered, in the person's language.
func (s *session) markers(ms []i18n.Text) string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = s.cfg.Printer.Text(m)
	}
	return strings.Join(out, "; ")
}
