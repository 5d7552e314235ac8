// Package accessible is the whole wizard as plain line-by-line prompts,
// for screen readers and dumb terminals: the same steps and checks as the
// Bubble Tea wizard, but nothing is ever redrawn. Output is plain lines
// without escape sequences; progress is a sentence, not an animation;
// every question lists its answers, which can be typed as a number or a
// word; the token is read without echo and never printed.
//
// Everything is said in the person's language (Config.Printer; the
// messages are internal/i18n's Line…). In German the answers are also
// taken as their German words (answerWords in prompt.go), whole words
// only and without one-letter aliases of their own, so that no answer
// that sends a token or a password is easier to give by accident than in
// English; the English words keep working.
package accessible

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// Config is what a session needs from its surroundings.
type Config struct {
	// In supplies the answers, one per line.
	In io.Reader
	// Out receives the questions and results.
	Out io.Writer
	// ReadSecret shows prompt and reads the token without echo, at a
	// terminal. It must switch echo off before showing the prompt (keys
	// typed the moment it appears must not show) and return promptly when
	// the session's context ends (Ctrl+C). The Enter that ends the token is
	// not echoed either, so Run ends the line itself. Nil shows the prompt
	// and reads the token as a line from In, for input that is not a
	// terminal (a pipe, a test).
	ReadSecret func(prompt string) (string, error)
	// ReadAddress shows prompt and reads the answer to the address
	// question at a terminal, echoing it itself so that a token typed or
	// pasted into the address does not show (see the command line's
	// readAddressLine); it returns promptly when the session's context
	// ends. Nil reads the answer as a line from In, echoed by the
	// terminal.
	ReadAddress func(prompt string) (string, error)
	// Echo repeats each answer after its prompt, for input a terminal does
	// not echo (a pipe, a test script), so that the transcript reads as a
	// dialogue. The token is never repeated.
	Echo bool
	// Client talks to Matomo. Required.
	Client *matomo.Client
	// URL is the address given on the command line (or the demo's), offered
	// as the answer to the first question. May be empty.
	URL string
	// DemoTokens are offered by number on the token question (demo mode).
	DemoTokens []DemoToken
	// DemoLogins are listed for "create it for me" (demo mode).
	DemoLogins []DemoLogin
	// Tool is the integration the token is for; steps.DefaultTool if empty.
	Tool string
	// LabelLang is the language of the person's Matomo screens (a Matomo
	// code: de, pt-br): the guide names Matomo's menus and buttons in it.
	// "" is English, the language of this mode's own text.
	LabelLang string
	// Now dates the suggested token description; time.Now if nil.
	Now func() time.Time
	// TimeZone is the person's, for the time of the site's last visit
	// (said in it and in UTC); nil is this computer's.
	TimeZone *time.Location
	// PageSize is how many sites a page lists; 20 if zero.
	PageSize int
	// Report writes the redacted diagnostics report of what the checks
	// found and returns the file's absolute path. Nil leaves the report
	// answer out.
	Report func(matomo.Findings) (string, error)
	// Printer renders the line mode's words, package matomo's included
	// (an error's title, detail and hint), in the person's language; nil
	// is English.
	Printer *i18n.Printer
	// Clipboard is the system clipboard's tool, offered at the end for the
	// token; nil when there is none (NoClipboardReason says why).
	Clipboard         Clipboard
	NoClipboardReason string
}

// DemoToken is a token of the demo Matomo and what it demonstrates.
type DemoToken struct {
	Value string
	Note  string
}

// Outcome is how a session ended.
type Outcome struct {
	// Verified is set when a token was verified and a site chosen.
	Verified bool
	Address  matomo.Address
	// Result is the last successful verification.
	Result *matomo.Result
	// Site is the site chosen for the integration.
	Site matomo.Site
	// TokenFingerprint identifies the last token entered without revealing
	// it (length and last 4 characters).
	TokenFingerprint string
	// TokenRequests is how many requests with the token were sent to
	// Matomo: exactly one per check the person asked for (a token check,
	// a retry, the URL check, and the data check of each site chosen),
	// never an automatic retry.
	TokenRequests int
	// Rejected counts tokens Matomo rejected in this session, a refusal in
	// the URL check included; each one is a failed login toward Matomo's
	// lock-out. Blocked is set after Matomo answered with its lock-out.
	// Both are the matomo.Session's, as Run returned.
	Rejected int
	Blocked  bool
	// LastError is the last failure of a check, with or without a token;
	// a successful verification clears it.
	LastError *matomo.Error
	// SavedTo is the file the token was saved to, if the person asked.
	SavedTo string
	// Orphans are the descriptions of the tokens Matomo probably holds
	// that nobody saw ("create it for me" left them): to be deleted.
	Orphans []string
}

// ErrCanceled ends a session without a verified token: Ctrl+C (the
// context), the end of input, or the person choosing to quit (ErrQuit).
var ErrCanceled = errors.New("canceled, nothing was saved")

// ErrQuit is returned when the person chose to stop. It matches
// ErrCanceled with errors.Is, since for the caller both mean "nothing was
// saved".
var ErrQuit = fmt.Errorf("quit: %w", ErrCanceled)

const defaultPageSize = 20

// Run takes a person from "I have a Matomo login" to a verified token and
// a chosen site, by plain prompts. It returns ErrCanceled (or ErrQuit)
// when the session ends without that; the Outcome then still says what
// happened (rejections, the lock-out, the last error).
func Run(ctx context.Context, cfg Config) (Outcome, error) {
	if cfg.In == nil || cfg.Out == nil || cfg.Client == nil {
		return Outcome{}, errors.New("accessible: Config needs In, Out and Client")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = defaultPageSize
	}
	s := &session{
		ctx:    ctx,
		cfg:    cfg,
		out:    cfg.Out,
		in:     newLineReader(cfg.In),
		typed:  cfg.URL,
		client: cfg.Client,
		matomo: yourMatomo{labelLang: cfg.LabelLang},
	}
	s.matomo.textLang = cfg.Printer.Lang()
	if s.matomo.labelLang == "" {
		s.matomo.labelLang = s.matomo.textLang
	}
	s.rebuildGuide()
	s.typedByPerson = cfg.URL != ""
	if matomo.ContainsTokenPiece(cfg.URL) {
		// The default answer is printed with the address question.
		s.typed, s.urlHadToken = addressWithoutToken(cfg.URL), true
	}
	err := s.run()
	s.outcome.Rejected, s.outcome.Blocked = s.found.Rejected(), s.found.Blocked()
	s.outcome.SavedTo = s.savedTo
	return s.outcome, err
}

// stage is a part of the flow; each returns the next one.
type stage int

const (
	stageWelcome stage = iota
	stageAddress
	stageGuide
	stageToken
	stageConfirm
	stageVerify
	stageFailure
	stageResult
	stageSites
	stageDone
	stageFinished
	// stageCreate is "create it for me" (create.go).
	stageCreate
)

// session is one run of the line-by-line wizard.
type session struct {
	ctx    context.Context
	cfg    Config
	out    io.Writer
	in     *lineReader
	client *matomo.Client
	guide  []steps.Step

	// typed is the last address the person typed (or was offered), the
	// default when the address is asked again, so nothing typed is lost.
	// It never holds a token (see dropToken).
	typed string
	// typedByPerson says typed is what the person gave (typed, or passed
	// with --url), not an address a server's redirect suggested.
	typedByPerson bool
	// urlHadToken is set when the address given to Run held a token, to
	// say at the address question that it was removed.
	urlHadToken bool
	// matomo is what the guide is written for: the version, the labels.
	matomo yourMatomo
	// step is the guide step shown, kept when going back and forth.
	step       int
	guideShown bool
	token      matomo.Token
	// tokenNotes say what was cleaned or looks unusual about the token;
	// tokenWarned is set when its form looked unusual.
	tokenNotes  []string
	tokenWarned bool
	// tokenWarnings are ParseToken's warnings, recorded with the check.
	tokenWarnings []i18n.Text
	demoListed    bool
	failure       *matomo.Error
	filter        string
	page          int
	// found is what the checks found and the rules that follow (lock-out,
	// retry, URL check, the report), shared with the wizard and verify.
	found matomo.Session
	// reportPath is where the last diagnostics report was saved.
	reportPath string
	outcome    Outcome
	// tokenOut says where the token went on request ("" while nowhere),
	// savedTo the file it was saved to; quitAsked is set once an ending
	// was held back because the token was nowhere yet.
	tokenOut  string
	savedTo   string
	quitAsked bool
	// create is what "create it for me" was answered with (never the
	// password).
	create creating
}

func (s *session) run() error {
	next := stageWelcome
	for next != stageFinished {
		var err error
		next, err = s.stage(next)
		if err != nil {
			s.end(err)
			return err
		}
	}
	return nil
}

func (s *session) stage(st stage) (stage, error) {
	switch st {
	case stageWelcome:
		return s.welcome()
	case stageAddress:
		return s.address()
	case stageGuide:
		return s.showGuide()
	case stageToken:
		return s.askToken()
	case stageConfirm:
		return s.confirmToken()
	case stageVerify:
		return s.verify()
	case stageFailure:
		return s.showFailure()
	case stageResult:
		return s.showResult()
	case stageSites:
		s.heading(s.t(i18n.LineChooseAnotherSite))
		return s.chooseSite()
	case stageDone:
		return s.done()
	case stageCreate:
		return s.createToken()
	}
	return stageFinished, fmt.Errorf("accessible: unknown stage %d", st)
}

// end says how the session ended without a verified token.
func (s *session) end(err error) {
	switch {
	case errors.Is(err, errEnded):
		s.sayT(i18n.LineEnded)
	case errors.Is(err, ErrQuit):
		s.sayT(i18n.LineCanceled)
	case errors.Is(err, ErrCanceled):
		// Ctrl+C or the end of input leaves the cursor after a prompt.
		s.say("")
		s.sayT(i18n.LineCanceled)
	}
	s.orphansAtEnd()
	s.reportKept()
}

// errEnded ends a session that cannot go on (after the lock-out).
var errEnded = fmt.Errorf("ended: %w", ErrQuit)

func (s *session) welcome() (stage, error) {
	tool := s.cfg.Tool
	if tool == "" {
		tool = steps.DefaultTool
	}
	s.sayT(i18n.LineWelcome, clean(tool))
	s.say("")
	s.sayT(i18n.LineYouNeed, clean(tool))
	s.sayT(i18n.LineWhatHappens, len(s.guide))
	s.sayT(i18n.LineTheTokenIsASecret)
	s.say("")
	s.sayT(i18n.LineHowToAnswer, s.wq("quit"))
	return stageAddress, nil
}
