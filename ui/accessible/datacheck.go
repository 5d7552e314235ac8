package accessible

import (
	"strconv"
	"strings"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// checkData is the data check, as the wizard's done screen has it: once
// a site is chosen, one request with the verified token asks Matomo for
// the site's last visit (matomo.Client.CheckData), and the answer is said
// before what to paste where. It is never sent again by itself (only the
// "data" answer sends it once more, after a time limit), and never after
// Matomo's lock-out. Only Ctrl+C ends the session from here.
func (s *session) checkData() error {
	site := s.outcome.Site
	if !s.found.MayCheckData() {
		if s.found.Blocked() {
			s.found.SkipDataCheck()
			s.sayData(s.cfg.Printer.Text(matomo.DataCheckSkipped()))
		}
		return nil
	}
	s.sayT(i18n.LineCheckingData, strconv.Itoa(site.ID), s.seconds(s.client.Timeout()))
	before := s.client.Requests()
	var check *matomo.DataCheck
	var err error
	s.waitFor(func() { check, err = s.client.CheckData(s.ctx, s.found.Checked(), s.token, site) })
	s.outcome.TokenRequests += s.client.Requests() - before
	if err != nil {
		e := matomo.AsError(err)
		if e.Class == matomo.ClassCanceled || s.ctx.Err() != nil {
			return ErrCanceled
		}
		// The session stops all sending after a lock-out the check met.
		s.found.RecordDataCheck(nil, e)
		s.outcome.LastError = e
		s.sayData(s.cfg.Printer.Text(matomo.DataCheckErrorSummary(e)))
		if !e.Hint.IsZero() {
			s.say(s.cfg.Printer.Text(e.Hint))
		}
		return nil
	}
	s.found.RecordDataCheck(check, nil)
	s.sayData(s.cfg.Printer.Text(check.Summary(s.cfg.TimeZone)))
	if check.Matomo != "" {
		s.sayT(i18n.LineMatomoSaid, clean(check.Matomo))
	}
	if check.Reason == matomo.DataNoVisit || check.Reason == matomo.DataStale {
		s.sayT(i18n.LineTrackingCode, check.TrackingCodeLink(s.found.Checked()))
	}
	if h := check.Hint(); !h.IsZero() {
		s.say(s.cfg.Printer.Text(h))
	}
	return nil
}

// sayData says what the data check found, as a line that starts with
// "Data check" (a listener hears at once what it is about): "The data
// check was not run" is said "Data check was not run", and a German
// summary that starts with "Die Datenprüfung" as it is.
func (s *session) sayData(summary string) {
	if strings.HasPrefix(summary, "The data check ") {
		s.say("Data check " + strings.TrimPrefix(summary, "The data check "))
		return
	}
	if s.german() && strings.HasPrefix(summary, "Die Datenprüfung ") {
		s.say(summary)
		return
	}
	s.sayT(i18n.LineDataCheck, summary)
}

// mayCheckDataAgain reports whether the data check may be sent once
// more: after a time limit (the transport's or Matomo's own for the
// query) or a failure a second try can mend, while a token may be sent.
func (s *session) mayCheckDataAgain() bool {
	if !s.found.MayCheckData() {
		return false
	}
	if c := s.found.DataCheck(); c != nil {
		return c.TimeLimit
	}
	return s.found.DataErr().Retryable()
}

// dataChoice is the answer that sends the data check once more, where it
// may.
func (s *session) dataChoice() []choice {
	if !s.mayCheckDataAgain() {
		return nil
	}
	return []choice{{word: "data", label: s.t(i18n.LineDataAgainLabel)}}
}
