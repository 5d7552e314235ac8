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
	s.heading("Matomo address")
	if s.urlHadToken {
		s.say("The address given to matomo-onboard held a token. " + tokenRemoved)
		if s.typed != "" {
			s.say("The address in it is kept: " + s.typed + ".")
		}
		s.urlHadToken = false
	}
	for {
		if s.typed != "" {
			s.say("Press Enter to use " + clean(s.typed) + ", or type another address.")
		} else {
			s.say("Type the address you open Matomo with in the browser, for example https://analytics.example.org.")
		}
		def := s.typed
		raw, err := s.askAddress(def)
		if err != nil {
			return 0, err
		}
		if a := strings.ToLower(raw); a == "help" || a == "?" {
			s.say("The address is what the browser's address bar shows when Matomo is open, up to the folder Matomo is in, " +
				"for example https://analytics.example.org or https://example.org/matomo. Type quit to stop.")
			continue
		}
		if matomo.ContainsTokenPiece(raw) {
			s.dropToken(raw)
			continue
		}
		if looksLikeToken(raw) && !strings.Contains(raw, ".") {
			// Kept as the default, it would be printed in the next prompt.
			s.typed = ""
			s.say("That looks like a token, not an address; it was not kept. " +
				"Type the address of your Matomo here, for example https://analytics.example.org. The token comes later.")
			continue
		}
		s.typed, s.typedByPerson = raw, raw != def || s.typedByPerson
		addr, perr := matomo.ParseAddress(raw)
		if perr != nil {
			s.say("That address cannot be used. " + perr.Error())
			continue
		}
		if s.typedByPerson {
			s.named[addr.Host()] = true
		}
		for _, n := range addr.Notes {
			s.say(n)
		}
		if w := addr.HostWarning(); w != "" {
			s.say("Warning: " + w)
		}
		if len(addr.Notes) > 0 || addr.UnicodeHost() != "" {
			s.say("Using " + addr.Readable() + ".")
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

// tokenRemoved says what happened to a token found where an address
// belongs.
const tokenRemoved = "It was removed: not kept, not shown, and not sent anywhere, not even to check the address. " +
	"The token is asked for later, hidden."

// dropToken handles an answer to the address question that holds a token
// (an API link with token_auth, say). The answer is never kept, since the
// default is printed with the next prompt; what is kept is the address
// part, to confirm with Enter, and nothing sends before that.
func (s *session) dropToken(raw string) {
	s.typed, s.typedByPerson = addressWithoutToken(raw), true
	what, it := "a token", "a token"
	if !matomo.ContainsToken(raw) {
		// 12 to 31 hex characters in a row: a token with a character
		// missing, or half of one wrapped onto two lines (the other half
		// then comes as the next answer, and is dropped the same way).
		what, it = "12 or more hex characters in a row, which no address has: it may be part of a token",
			"part of a token (12 or more hex characters in a row)"
	}
	if s.typed == "" {
		s.say("That looks like " + it + ", not an address. " + tokenRemoved +
			" Type the address of your Matomo here, for example https://analytics.example.org.")
		return
	}
	s.say("That answer held " + what + ". " + tokenRemoved + " The address in it is kept: " + s.typed + ".")
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
			s.say("Plain http is fine here: " + addr.Host() + " is this computer, so the token does not cross a network.")
		}
		s.sayf("Checking %s without a token (one request, up to %s)…", addr.Readable(), seconds(s.client.Timeout()))
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
	s.say("Warning: " + addr.String() + " is plain http. A token sent there crosses the network in clear text, " +
		"readable by anyone on the way. matomo-onboard does not send a token over http to another computer " +
		"unless it was started with --allow-http.")
	c, err := s.choose("Use https instead?", []choice{
		{word: "https", alias: "s", label: "use " + secure.String()},
		{word: "http", label: "keep http and check the address anyway"},
		{word: "change", alias: "c", label: "type another address"},
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
	found := "Matomo answers at " + p.Address.Readable()
	if len(p.Markers) > 0 {
		found += " (" + strings.Join(p.Markers, "; ") + ")"
	}
	s.say(found + ".")
	if p.Version != "" {
		s.say("Matomo version " + p.Version + ".")
	}
	if t := p.Trace.TLS; t != nil {
		s.say(tlsFound(p.Trace))
	}
}

// tlsFound says what the secure connection of a check was. With
// certificate checks switched off (--insecure-skip-verify) nothing about
// the certificate was checked, so nothing may sound as if it had been.
func tlsFound(tr matomo.Trace) string {
	if tr.SkipVerify {
		return "Encrypted connection (" + tr.TLS.Version + "), but the certificate was NOT checked " +
			"(--insecure-skip-verify): nothing confirms that this server is your Matomo."
	}
	line := "Secure connection (" + tr.TLS.Version + ")"
	if !tr.TLS.NotAfter.IsZero() {
		line += ", certificate valid until " + tr.TLS.NotAfter.Format("2 January 2006")
	}
	return line + "."
}

// afterPreflightFailure offers the ways forward after a failed check: the
// address a redirect points to, the same address again, or another one.
func (s *session) afterPreflightFailure(addr matomo.Address, e *matomo.Error) (next matomo.Address, retype bool, err error) {
	choices := []choice{
		{word: "change", alias: "c", label: "type another address"},
		{word: "again", alias: "a", label: "check " + addr.String() + " again"},
	}
	def := "change"
	if !e.Suggested.IsZero() && e.Suggested.String() != addr.String() {
		choices = append([]choice{{word: "use", alias: "u", label: "use " + e.Suggested.String()}}, choices...)
		def = "use"
	}
	choices = append(choices, s.reportChoice()...)
	choices = append(choices, choice{word: "quit"})
	c, err := s.chooseWithReport("What next?", choices, def)
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
