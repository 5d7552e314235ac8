// Package ui is the wizard: one Bubble Tea state machine that walks a
// person from their Matomo address through creating a token to a verified
// token and the sites it reaches. It reaches Matomo only through
// matomo.Client, and only inside tea.Cmds: Update and View never do I/O.
package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// Client is what the wizard needs of matomo.Client; tests may pass their
// own.
type Client interface {
	Preflight(ctx context.Context, addr matomo.Address) (*matomo.Preflight, error)
	Verify(ctx context.Context, addr matomo.Address, tok matomo.Token) (*matomo.Result, error)
	CheckGET(ctx context.Context, addr matomo.Address, tok matomo.Token) (*matomo.GETCheck, error)
	// Labels asks, without a token, how the Matomo words its screens.
	Labels(ctx context.Context, addr matomo.Address, req matomo.LabelsRequest) (*matomo.Labels, error)
	// CheckData asks, with the token, for the chosen site's last visit.
	CheckData(ctx context.Context, addr matomo.Address, tok matomo.Token, site matomo.Site) (*matomo.DataCheck, error)
	// CreateToken asks the checked Matomo to create a token from a login
	// and password ("create it for me").
	CreateToken(ctx context.Context, checked *matomo.Preflight, req matomo.CreateRequest) (*matomo.Created, error)
	Timeout() time.Duration
}

// DemoToken is a token of the built-in demo Matomo and what it shows.
type DemoToken struct {
	Value string
	Note  string
}

// Config is what the wizard starts with.
type Config struct {
	Client Client
	// URL pre-fills the address (from --url, or the demo Matomo's).
	URL string
	// AllowHTTP lets the wizard send the token over plain http to another
	// host (--allow-http); the client enforces the same rule.
	AllowHTTP bool
	// Warning is shown under the header on every screen while it applies,
	// such as certificate checks being switched off.
	Warning string
	// DemoTokens are offered on the token screen in demo mode.
	DemoTokens []DemoToken
	// DemoLogins are offered on the create screen in demo mode.
	DemoLogins []DemoLogin
	// Tool is the integration the token is for (default steps.DefaultTool).
	Tool string
	// LabelLang is the language of the person's Matomo screens, as a
	// Matomo code (de, pt-br): the guide names Matomo's menus and buttons
	// in it. "" is the wizard's own language, English.
	LabelLang string
	// Now is the clock (for the suggested token description).
	Now func() time.Time
	// ChooseAfter is how long after the sites appear Enter starts to
	// choose one: Enter pressed twice for the token's check, or a held
	// Enter's repeat, must not choose a site the person has not seen (and
	// send the token again, for its data check). Zero chooses at once.
	ChooseAfter time.Duration
	// TimeZone is the person's, for the time of the site's last visit
	// (shown in it and in UTC); nil is this computer's.
	TimeZone *time.Location
	// Browser opens links; nil means links can only be copied.
	Browser Browser
	// NoBrowserReason says why there is no browser (an SSH session, no
	// desktop), shown instead of opening.
	NoBrowserReason i18n.Text
	// Report writes the diagnostics report and returns where; nil hides
	// the key.
	Report ReportWriter
	// Width and Height are the terminal's size at the start, when known.
	// The first frame is then drawn for this terminal: Bubble Tea draws
	// once before its first size message arrives, and without them that
	// draw is for 80×24.
	Width, Height int
	// Clipboard is the system clipboard's tool, offered on the done screen
	// for the token; nil when there is none (NoClipboardReason says why).
	Clipboard         SystemClipboard
	NoClipboardReason string
	// Printer renders the wizard's words, package matomo's included (an
	// error's title, detail and hint), in the person's language; nil is
	// English.
	Printer *i18n.Printer
}

// screen is where the wizard is.
type screen int

const (
	screenWelcome screen = iota
	screenAddress
	screenGuide
	screenToken
	screenVerifying
	screenResult
	screenDone
	// screenCreate is "create it for me": the token made from the login
	// and password (create.go).
	screenCreate
)

// Outcome is how the wizard ended, for main to print and exit with.
type Outcome struct {
	Verified bool
	Canceled bool
	Address  matomo.Address
	Version  string
	Site     *matomo.Site
	// SuperUser is set when the verified token is a superuser's.
	SuperUser bool
	// SavedTo is the file the token was saved to, if the person asked.
	SavedTo string
	// Data is what the data check of the chosen site found, in one
	// sentence with its mark (✓ or !), "" when it did not end.
	Data string
	// Orphans are the descriptions of the tokens Matomo probably holds
	// that nobody saw ("create it for me" left them): to be deleted.
	Orphans []string
	// EndNote says, in a line or two, what failed last and what to do,
	// for a run that ends without a verified token (see
	// matomo.Session.EndNote).
	EndNote []string
}

// Model is the wizard's state.
type Model struct {
	cfg    Config
	styles styles
	keys   keyMap
	// shown is what setKeys enabled for the current moment, as the help
	// shows it.
	shown  helpKeys
	help   help.Model
	width  int
	height int
	screen screen
	// scroll is the first body line shown when a screen's text is taller
	// than the terminal.
	scroll int
	// status is a note about the last side action (copied, opened, the
	// report written), shown while it applies (see note.go).
	status note
	// edits counts the changes a person made to the text of a field.
	edits int

	address addressState
	guide   guideState
	token   tokenState
	result  resultState
	data    dataState
	create  createState

	spinner spinner.Model
	// seq numbers requests, so that an answer that arrives after Esc or a
	// newer request is recognised and dropped.
	seq int
	// cancel stops the request in flight.
	cancel context.CancelFunc

	// found is what this run learnt from Matomo and the rules that follow
	// (lock-out, retry, URL check, report); the screens only show it.
	found matomo.Session
	// canceled is set when the person quit with Ctrl+C.
	canceled bool

	// save is the file name field of w on the done screen, open while
	// saving is set. tokenOut says where the token went on request ("" while
	// nowhere), savedTo the file it was saved to; quitAsked is set once q
	// was held back because the token was nowhere yet.
	save      saveState
	saving    bool
	tokenOut  string
	savedTo   string
	quitAsked bool

	// drawn is the body and header setKeys drew to measure the body, kept
	// for the View that follows the Update: Bubble Tea draws after every
	// message, and drawing is most of what a message costs.
	drawn frame
}

// frame is a screen's body and header as drawn for one state of the
// Model; ok is set while they are that of the current state (setKeys
// keeps them, Update drops them before it changes anything).
type frame struct {
	body, header string
	ok           bool
}

// New builds the wizard. Its methods have pointer receivers: Bubble Tea
// runs the *Model, and what it holds after Run is how the wizard ended.
func New(cfg Config) *Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Tool == "" {
		cfg.Tool = steps.DefaultTool
	}
	m := &Model{
		cfg:     cfg,
		styles:  newStyles(true),
		keys:    defaultKeyMap(cfg.Printer),
		help:    help.New(),
		width:   80, // until the terminal's size is known
		height:  24,
		spinner: spinner.New(spinner.WithSpinner(spinner.Dot)),
	}
	m.help.Styles = m.styles.help
	m.address = newAddressState(cfg.URL)
	m.nameAddress()
	m.guide = newGuideState(cfg.LabelLang, cfg.Printer.Lang())
	m.rebuildGuide()
	m.token = newTokenState(cfg.Printer)
	m.create = newCreateState(cfg.Now(), cfg.Tool, cfg.Printer)
	m.save = newSaveState()
	if cfg.Width > 0 && cfg.Height > 0 {
		m.resize(cfg.Width, cfg.Height)
	}
	m.setKeys()
	return m
}

// Outcome reports how the wizard ended.
func (m *Model) Outcome() Outcome {
	o := Outcome{Site: m.found.Site(), SavedTo: m.savedTo, Data: m.dataNote(), Orphans: m.found.Orphans()}
	if res := m.found.Result(); res != nil {
		o.Verified, o.Address, o.Version, o.SuperUser = true, res.Address, res.Version, res.SuperUser
	} else {
		o.EndNote = m.found.EndNote(m.cfg.Printer)
	}
	o.Canceled = m.canceled || !o.Verified
	return o
}

// Init asks the terminal for its background colour, to pick the palette.
func (m *Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// Update handles one message. Global concerns come first (size, colours,
// Ctrl+C, help); then answers from Matomo; then the current screen's keys.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m.drawn = frame{}
	cmd := m.update(msg)
	if m.screen == screenResult && m.found.Result() != nil {
		// The verdict, the filter line and the URL check change the room
		// the table has; paging must move by what is really on screen.
		m.result.table.setHeight(m.tableHeight())
	}
	m.setKeys()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return nil
	case tea.BackgroundColorMsg:
		m.styles = newStyles(msg.IsDark())
		m.help.Styles = m.styles.help
		m.address.input.SetStyles(inputStyles(m.styles))
		m.token.input.SetStyles(inputStyles(m.styles))
		m.save.input.SetStyles(inputStyles(m.styles))
		for _, f := range m.create.fields() {
			f.SetStyles(inputStyles(m.styles))
		}
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Quit):
			return m.quit(true)
		case key.Matches(msg, m.keys.Help):
			m.help.ShowAll = !m.help.ShowAll
			return nil
		}
	case spinner.TickMsg:
		if !m.busy() {
			return nil
		}
		var cmd tea.Cmd
		m.spinner, cmd = m.spinner.Update(msg)
		return cmd
	case preflightMsg:
		return m.onPreflight(msg)
	case verifiedMsg:
		return m.onVerified(msg)
	case getCheckMsg:
		return m.onGETCheck(msg)
	case dataCheckMsg:
		return m.onDataCheck(msg)
	case labelsMsg:
		return m.onLabels(msg)
	case createdMsg:
		return m.onCreated(msg)
	case actionMsg:
		m.status = note{text: msg.status, path: msg.path, at: m.now()}
		if msg.at != nil {
			m.status.at = *msg.at
		}
		return nil
	case tokenOutMsg:
		m.onTokenOut(msg)
		return nil
	case tokenSavedMsg:
		m.onTokenSaved(msg)
		return nil
	}
	switch m.screen {
	case screenWelcome:
		return m.updateWelcome(msg)
	case screenAddress:
		return m.updateAddress(msg)
	case screenGuide:
		return m.updateGuide(msg)
	case screenToken:
		return m.updateToken(msg)
	case screenVerifying:
		return m.updateVerifying(msg)
	case screenResult:
		return m.updateResult(msg)
	case screenDone:
		return m.updateDone(msg)
	case screenCreate:
		return m.updateCreate(msg)
	}
	return nil
}

// resize fits the wizard to a terminal of w×h cells.
func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	m.help.SetWidth(m.contentWidth())
	inputWidth := max(10, m.contentWidth()-4)
	m.address.input.SetWidth(inputWidth)
	m.token.input.SetWidth(inputWidth)
	m.result.table.query.SetWidth(inputWidth)
	m.save.input.SetWidth(inputWidth)
	for _, f := range m.create.fields() {
		f.SetWidth(inputWidth)
	}
}

// quit ends the wizard. Canceled means nothing was finished: main says
// so and exits 130.
func (m *Model) quit(canceled bool) tea.Cmd {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
	m.canceled = canceled
	if m.create.sending {
		// Matomo may have created the token before the request was cut.
		m.found.RecordCreate(m.create.description.Value(), nil, &matomo.Error{Class: matomo.ClassCanceled})
	}
	if m.found.Created() != nil && m.tokenOut == "" {
		// Nobody will ever see the token the wizard created: it is one
		// more for Matomo's list of tokens to delete (the end says so).
		m.found.AbandonCreated()
	}
	return tea.Quit
}

// typing reports whether a text input has the keyboard, so that "?" and
// letters are text, not commands.
func (m *Model) typing() bool {
	switch m.screen {
	case screenAddress:
		return m.address.editing()
	case screenToken:
		return m.token.asking == ""
	case screenResult:
		return m.result.table.filtering || m.saving
	case screenGuide:
		return m.guide.picker != nil
	case screenDone:
		return m.saving
	case screenCreate:
		return m.create.input() != nil && !m.create.sending && m.found.MayCreate()
	}
	return false
}

// busy reports whether a request is in flight.
func (m *Model) busy() bool { return m.cancel != nil }

// go moves to another screen, with what leaving and entering mean.
func (m *Model) goTo(s screen) tea.Cmd {
	if m.screen == screenToken && s < screenToken {
		// Leaving the token step backwards clears the token: it should not
		// sit in memory while the person reads the guide.
		m.token.clear()
		m.found.ForgetToken()
	}
	if m.screen == screenGuide && s != screenGuide && m.guide.fetching {
		// Labels still on their way are for the guide only: elsewhere a
		// request in flight means a check the screen would wait for.
		m.cancelRequest()
		m.guide.fetching = false
	}
	if m.screen == screenDone && s != screenDone {
		m.saving = false
		m.save.input.Blur()
	}
	if m.screen == screenAddress && s != screenAddress {
		// Said when the token was taken out; the person has moved on, and
		// what was hidden goes.
		m.address.closeHidden()
		m.address.tokenDropped, m.address.pieceDropped = false, false
	}
	m.screen, m.scroll, m.status = s, 0, note{}
	m.help.ShowAll = false
	switch s {
	case screenAddress:
		m.token.input.Blur()
		return m.address.input.Focus()
	case screenToken:
		m.address.input.Blur()
		return m.token.input.Focus()
	}
	m.address.input.Blur()
	m.token.input.Blur()
	return nil
}

// handleCommon takes the keys every non-typing screen shares: help,
// quit, scrolling a long text. It reports whether it used the key.
func (m *Model) handleCommon(msg tea.KeyPressMsg) (bool, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Close):
		if m.askBeforeQuit() {
			return true, nil
		}
		return true, m.quit(false)
	case key.Matches(msg, m.keys.LineUp):
		m.scrollBy(-1)
		return true, nil
	case key.Matches(msg, m.keys.LineDown):
		m.scrollBy(1)
		return true, nil
	}
	return m.handlePage(msg), nil
}

// handlePage scrolls a body taller than the screen by a page. It works
// also while typing (inputs do not use these keys).
func (m *Model) handlePage(msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, m.keys.PageUp):
		m.scrollBy(-(m.bodyHeight() - 2))
		return true
	case key.Matches(msg, m.keys.PageDown):
		m.scrollBy(m.bodyHeight() - 2)
		return true
	}
	return false
}

// scrollBy moves the body, within its length.
func (m *Model) scrollBy(delta int) {
	m.scroll = min(max(0, m.scroll+delta), m.maxScroll())
}

// maxScroll is the first body line shown when scrolled to the end; 0 when
// the body fits (clip shows the lines from there, and a marker).
func (m *Model) maxScroll() int { return scrollEnd(m.bodyLines(), m.bodyHeight()) }

// bodyLines is how many lines the body has.
func (m *Model) bodyLines() int { return strings.Count(m.viewBody(), "\n") + 1 }

// scrollEnd is maxScroll for a body of lines in a room of room lines.
func scrollEnd(lines, room int) int {
	if lines <= room {
		return 0
	}
	return lines - room + 1
}

// contentWidth is the width text is wrapped to: the terminal minus a
// margin of one column on each side.
func (m *Model) contentWidth() int { return max(20, m.width-2) }

// hostLabel is the address shown in the header.
func (m *Model) hostLabel() string {
	checked := m.found.Checked()
	if checked.IsZero() {
		return ""
	}
	return strings.TrimPrefix(strings.TrimPrefix(checked.Readable(), "https://"), "http://")
}
