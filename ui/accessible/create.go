package accessible

import (
	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// "Create it for me" in the line mode, as in the wizard (ui/create.go):
// the person types their Matomo login and password, and Matomo creates
// the token (matomo.Client.CreateToken), which is then checked at once,
// with one request, and goes on to the sites as if it had been typed.
//
// The password is read without echo, lives in one variable of one round
// and goes into that round's request only; it is asked again for each
// round. The two-factor question is the confirmation before anything is
// sent (it has no default: Enter alone sends nothing), and the code is
// asked last, just before the request: Matomo stores the token before it
// checks the code, so a refused code leaves a token behind that nobody
// was shown. Refused rounds count toward the lock-out; after three, the
// guide's steps are the way.

// DemoLogin is a login of the demo Matomo for "create it for me": not
// secret, like the demo's tokens.
type DemoLogin struct {
	Login, Password, Note string
	// Code is the two-factor code the user's app shows now, nil for a
	// user without two-factor authentication.
	Code func() string
}

// creating is what the create questions were answered with so far; the
// password is never among it.
type creating struct {
	login, description, expiry string
	// twoFactor is the answer to the two-factor question ("" unasked,
	// "yes", "no"); reviewed is set once the description and expiry were
	// answered, so that a round after a refusal asks only for what Matomo
	// needs again; introduced once the trade-off was said.
	twoFactor  string
	reviewed   bool
	introduced bool
}

// mayOfferCreate reports whether the guide's first step offers "create it
// for me", and if not, why not ("" when nothing needs saying).
func (s *session) mayOfferCreate() (bool, string) {
	addr := s.found.Checked()
	switch {
	case addr.IsZero() || s.found.Blocked():
		return false, ""
	case s.matomo.version == steps.Matomo3:
		return false, ""
	case addr.PlainHTTP() && !addr.IsLoopback():
		return false, s.t(i18n.LineCreateNeedsHTTPS)
	case s.uncheckedTLS() && !addr.IsLoopback():
		return false, s.t(i18n.LineCreateNeedsCheckedTLS)
	case s.found.CreateRefused() != nil:
		return false, s.t(i18n.LineCreateRefusedBefore)
	case !s.found.MayCreate():
		return false, s.t(i18n.LineNoMoreCreateTries)
	}
	return true, ""
}

// uncheckedTLS reports a check of the address without its certificate
// checked (--insecure-skip-verify): the password does not go there.
func (s *session) uncheckedTLS() bool {
	pre := s.found.Preflight()
	return pre != nil && pre.Trace.SkipVerify
}

// createToken asks the questions of one round, sends it, and goes on: to
// the check of the created token, back to the steps, or to another round.
func (s *session) createToken() (stage, error) {
	c := &s.create
	if c.description == "" {
		c.description = steps.Purpose(s.cfg.Tool, s.cfg.Now())
	}
	if !c.introduced {
		s.heading(s.t(i18n.LineCreateHeading))
		s.say(steps.CreateTradeOff(s.cfg.Printer, s.found.Checked().Host()))
		s.listDemoLogins()
		c.introduced = true
	}
	for {
		if !s.found.MaySendToken() {
			return s.lockedOut()
		}
		if !s.found.MayCreate() {
			return s.createFallBack(nil)
		}
		next, sent, err := s.createRound()
		if err != nil || !sent {
			return next, err
		}
		if next != stageCreate {
			return next, nil
		}
	}
}

// createRound asks for what this round needs and sends it; sent is false
// when the person went elsewhere instead.
func (s *session) createRound() (next stage, sent bool, err error) {
	c := &s.create
	if !c.reviewed {
		if err := s.askLogin(); err != nil {
			return 0, false, err
		}
	}
	pw, err := s.askPassword()
	if err != nil {
		return 0, false, err
	}
	if !c.reviewed {
		if err := s.askDescription(); err != nil {
			return 0, false, err
		}
		if err := s.askExpiry(); err != nil {
			return 0, false, err
		}
		c.reviewed = true
	}
	s.sayT(i18n.LineCreateSummary, c.login, s.quoted(c.description), s.expirySaid(), s.wherePasswordGoes())
	if c.twoFactor != "" {
		s.sayT(i18n.LineYouSaidBefore, s.w(c.twoFactor))
	}
	// No default: Enter alone must not send the password.
	answer, err := s.choose(s.t(i18n.LineTwoFactorQuestion), s.twoFactorChoices(), "")
	if err != nil {
		return 0, false, err
	}
	req := matomo.CreateRequest{Login: c.login, Password: pw, Description: c.description, ExpireDate: c.expiry}
	switch answer {
	case "change":
		c.reviewed = false
		return stageCreate, true, nil
	case "steps":
		return stageGuide, false, nil
	case "quit":
		return 0, false, ErrQuit
	case "yes":
		c.twoFactor = "yes"
		code, err := s.askCode()
		if err != nil {
			return 0, false, err
		}
		req.AuthCode = code
	default:
		c.twoFactor = "no"
	}
	next, err = s.sendCreate(req)
	return next, true, err
}

// twoFactorChoices are the answers to the two-factor question, the
// confirmation before the password is sent: no sends it at once, yes
// after the code.
func (s *session) twoFactorChoices() []choice {
	return []choice{
		{word: "no", label: s.t(i18n.LineNoTwoFactor)},
		{word: "yes", label: s.t(i18n.LineTwoFactor)},
		{word: "change", label: s.t(i18n.LineChangeCreate)},
		{word: "steps", alias: "s", label: s.t(i18n.LineBackToStepsNothingSent)},
		{word: "quit"},
	}
}

func (s *session) askLogin() error {
	c := &s.create
	for {
		answer, err := s.ask(s.t(i18n.LineLoginPrompt), c.login)
		if err != nil {
			return err
		}
		if looksLikeToken(answer) {
			s.sayT(i18n.LineTokenNotLogin, s.wq("steps"), s.wq("token"))
			continue
		}
		login, lerr := matomo.CheckLogin(answer)
		if lerr != nil {
			s.say(s.cfg.Printer.Error(lerr))
			continue
		}
		c.login = login
		return nil
	}
}

// askPassword reads the password without echo, until it is one that can
// be sent.
func (s *session) askPassword() (matomo.Password, error) {
	if d := s.demoLogin(); d != nil {
		s.sayT(i18n.LineDemoPassword, d.Login, d.Password)
	}
	for {
		raw, err := s.readSecret(s.t(i18n.LinePasswordPrompt))
		if err != nil {
			return matomo.Password{}, err
		}
		pw, perr := matomo.ParsePassword(raw)
		if perr == nil {
			return pw, nil
		}
		s.say(sentence(s.cfg.Printer.Error(perr)))
	}
}

func (s *session) askDescription() error {
	c := &s.create
	s.sayT(i18n.LineDescriptionExplained)
	for {
		answer, err := s.ask(s.t(i18n.LineDescriptionPrompt), c.description)
		if err != nil {
			return err
		}
		if looksLikeToken(answer) {
			s.sayT(i18n.LineTokenNotDescription)
			continue
		}
		d, derr := matomo.CheckDescription(answer)
		if derr != nil {
			s.say(s.cfg.Printer.Error(derr))
			continue
		}
		c.description = d
		return nil
	}
}

func (s *session) askExpiry() error {
	c := &s.create
	answer, err := s.choose(s.t(i18n.LineExpiryQuestion), []choice{
		{word: "never", alias: "n", label: s.t(i18n.LineNoExpiry)},
		{word: "date", alias: "d", label: s.t(i18n.LineChooseExpiry)},
	}, "never")
	if err != nil {
		return err
	}
	if answer == "never" {
		c.expiry = ""
		return nil
	}
	for {
		typed, err := s.ask(s.t(i18n.LineExpiryPrompt), c.expiry)
		if err != nil {
			return err
		}
		d, derr := matomo.CheckExpireDate(typed, s.cfg.Now())
		if derr != nil {
			s.say(s.cfg.Printer.Error(derr))
			continue
		}
		c.expiry = d
		return nil
	}
}

// askCode asks for the two-factor code, last.
func (s *session) askCode() (string, error) {
	if d := s.demoLogin(); d != nil && d.Code != nil {
		s.sayT(i18n.LineDemoCode, d.Login, d.Code())
	}
	s.sayT(i18n.LineTypeCode)
	for {
		typed, err := s.ask(s.t(i18n.LineCodePrompt), "")
		if err != nil {
			return "", err
		}
		code, cerr := matomo.CheckAuthCode(typed)
		if cerr != nil {
			s.say(s.cfg.Printer.Error(cerr))
			continue
		}
		return code, nil
	}
}

func (s *session) expirySaid() string {
	if s.create.expiry == "" {
		return s.t(i18n.LineNoExpiry)
	}
	return s.t(i18n.LineExpiresOn, s.create.expiry)
}

// wherePasswordGoes says where the password goes, and only there.
func (s *session) wherePasswordGoes() string {
	addr := s.found.Checked()
	if addr.PlainHTTP() {
		return s.t(i18n.LinePasswordGoesLocal, addr.Host())
	}
	return s.t(i18n.LinePasswordGoes, addr.Host())
}

// sendCreate sends the round's one request and takes Matomo's answer.
func (s *session) sendCreate(req matomo.CreateRequest) (stage, error) {
	c := &s.create
	s.sayT(i18n.LineAskingToCreate, s.found.Checked().String(), s.seconds(s.client.Timeout()))
	var created *matomo.Created
	var err error
	s.waitFor(func() { created, err = s.client.CreateToken(s.ctx, s.found.Preflight(), req) })
	e := matomo.AsError(err)
	if e != nil && (e.Class == matomo.ClassCanceled || s.ctx.Err() != nil) {
		s.found.RecordCreate(req.Description, nil, &matomo.Error{Class: matomo.ClassCanceled})
		return 0, ErrCanceled
	}
	s.found.RecordCreate(req.Description, created, err)
	if e == nil {
		s.sayT(i18n.LineCreated, s.quoted(created.Description), created.Login)
		s.setToken(created.Token)
		return stageVerify, nil
	}
	s.outcome.LastError = e
	labels := s.matomo.labels()
	switch e.Class {
	case matomo.ClassTwoFactor:
		s.say(steps.CodeRefused(s.cfg.Printer, labels, req.Description, e.CodeGiven))
		s.say(s.cfg.Printer.Text(s.found.Countdown()))
		c.twoFactor = "yes"
		c.description = matomo.NextDescription(req.Description, s.found.Orphans())
		s.sayT(i18n.LineNextName, s.quoted(c.description))
	case matomo.ClassPasswordRejected:
		s.sayT(i18n.LinePasswordRejected)
		s.say(s.cfg.Printer.Text(s.found.Countdown()))
	case matomo.ClassCreateRefused:
		return s.createFallBack(e)
	case matomo.ClassBlocked:
		s.explain(e)
		return s.lockedOut()
	case matomo.ClassCreateInput:
		s.explain(e)
		if e.Field == "description" || e.Field == "expiry" || e.Field == "login" {
			c.reviewed = false
		}
	default:
		s.explain(e)
		if e.Trace != nil && e.Trace.Written > 0 {
			s.sayT(i18n.LineMayHaveCreated, s.quoted(req.Description), steps.SecurityPage(labels))
		}
	}
	if !s.found.MayCreate() {
		return s.createFallBack(nil)
	}
	next, err := s.choose(s.t(i18n.LineWhatNext), []choice{
		{word: "again", alias: "a", label: s.t(i18n.LineTypePasswordAgain)},
		{word: "steps", alias: "s", label: s.t(i18n.LineBackToStepsBrowser)},
		{word: "quit"},
	}, "again")
	switch {
	case err != nil:
		return 0, err
	case next == "steps":
		return stageGuide, nil
	case next == "quit":
		return 0, ErrQuit
	}
	return stageCreate, nil
}

// createFallBack goes back to the guide's steps, saying why: this Matomo
// refuses the method (Matomo 3 gets its own steps), or the tries are
// spent.
func (s *session) createFallBack(e *matomo.Error) (stage, error) {
	switch {
	case e != nil && e.Matomo3:
		s.sayT(i18n.LineMatomo3NoCreate)
		s.matomo.version, s.matomo.answered = steps.Matomo3, true
		s.rebuildGuide()
	case e != nil:
		s.explain(e)
		s.sayT(i18n.LineStepsInstead)
	default:
		s.sayT(i18n.LineLastTry)
	}
	if note := steps.OrphanSentence(s.cfg.Printer, s.matomo.labels(), s.found.Orphans()); note != "" && (e == nil || e.TokenLeft) {
		s.say(note)
	}
	s.step = 0
	return stageGuide, nil
}

// demoLogin is the demo login typed, or nil.
func (s *session) demoLogin() *DemoLogin {
	for i, d := range s.cfg.DemoLogins {
		if d.Login == s.create.login {
			return &s.cfg.DemoLogins[i]
		}
	}
	return nil
}

func (s *session) listDemoLogins() {
	if len(s.cfg.DemoLogins) == 0 {
		return
	}
	s.sayT(i18n.LineDemoLogins)
	for _, d := range s.cfg.DemoLogins {
		s.sayT(i18n.LineDemoLogin, d.Login, d.Password, clean(d.Note))
	}
}

// createdKept says that the created token, whose check failed, is kept,
// and how to take it.
func (s *session) createdKept() {
	cr := s.found.Created()
	if cr == nil {
		return
	}
	s.sayT(i18n.LineCreatedKept, s.quoted(cr.Description), s.waysOut())
}

// orphansAtEnd says, as the session ends, which tokens Matomo probably
// holds that nobody saw; a created token nobody took is one of them.
func (s *session) orphansAtEnd() {
	if s.found.Created() != nil && s.tokenOut == "" {
		s.found.AbandonCreated()
	}
	if note := steps.OrphanSentence(s.cfg.Printer, s.matomo.labels(), s.found.Orphans()); note != "" {
		s.say(note)
	}
	s.outcome.Orphans = s.found.Orphans()
}
