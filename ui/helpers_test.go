package ui

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// fakeClient answers like matomo.Client from canned results and counts
// what the wizard asked, so Update tests need no network.
type fakeClient struct {
	mu        sync.Mutex
	preflight func(matomo.Address) (*matomo.Preflight, error)
	verify    func(matomo.Token) (*matomo.Result, error)
	getCheck  func(matomo.Token) (*matomo.GETCheck, error)
	// labels answers Labels; nil answers like a Matomo that refuses.
	labels func(matomo.LabelsRequest) (*matomo.Labels, error)
	// dataCheck answers CheckData; nil answers a visit two hours before
	// fixedNow.
	dataCheck func(matomo.Site) (*matomo.DataCheck, error)
	// block makes requests wait until their context ends.
	block bool

	// create answers CreateToken; nil answers like a Matomo that refuses.
	create func(matomo.CreateRequest) (*matomo.Created, error)
	// lastCreate is the last request CreateToken got.
	lastCreate matomo.CreateRequest

	preflights, verifies, getChecks, labelRequests, dataChecks, creates int
	lastToken                                                           matomo.Token
	canceled                                                            int
}

func (f *fakeClient) wait(ctx context.Context) error {
	if !f.block {
		return nil
	}
	<-ctx.Done()
	f.mu.Lock()
	f.canceled++
	f.mu.Unlock()
	return &matomo.Error{Class: matomo.ClassCanceled}
}

func (f *fakeClient) Preflight(ctx context.Context, addr matomo.Address) (*matomo.Preflight, error) {
	f.mu.Lock()
	f.preflights++
	f.mu.Unlock()
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	if f.preflight == nil {
		return &matomo.Preflight{Address: addr}, nil
	}
	return f.preflight(addr)
}

func (f *fakeClient) Verify(ctx context.Context, addr matomo.Address, tok matomo.Token) (*matomo.Result, error) {
	f.mu.Lock()
	f.verifies++
	f.lastToken = tok
	f.mu.Unlock()
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	return f.verify(tok)
}

func (f *fakeClient) CheckGET(ctx context.Context, addr matomo.Address, tok matomo.Token) (*matomo.GETCheck, error) {
	f.mu.Lock()
	f.getChecks++
	f.mu.Unlock()
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	return f.getCheck(tok)
}

func (f *fakeClient) Labels(ctx context.Context, addr matomo.Address, req matomo.LabelsRequest) (*matomo.Labels, error) {
	f.mu.Lock()
	f.labelRequests++
	f.mu.Unlock()
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	if f.labels == nil {
		return nil, &matomo.Error{Class: matomo.ClassNotMatomo}
	}
	return f.labels(req)
}

// germanLabels answers like a Matomo 5.1.2 with German and English.
func germanLabels(req matomo.LabelsRequest) (*matomo.Labels, error) {
	all := map[string]map[string]string{
		"de": {"CoreAdminHome_Administration": "Administration", "UsersManager_MenuPersonal": "Persönlich",
			"General_Security": "Sicherheit", "UsersManager_CreateNewToken": "Neuen Token generieren"},
		"en": {"CoreAdminHome_Administration": "Administration", "UsersManager_MenuPersonal": "Personal",
			"General_Security": "Security", "UsersManager_CreateNewToken": "Create new token"},
		"fr": {"UsersManager_MenuPersonal": "Personnel", "General_Security": "Sécurité"},
	}
	l := &matomo.Labels{Translations: map[string]map[string]string{}}
	for _, lang := range req.Languages {
		if all[lang] != nil {
			l.Translations[lang] = all[lang]
		}
	}
	if req.ListLanguages {
		l.Languages = []matomo.Language{{Code: "de", Name: "Deutsch", EnglishName: "German"},
			{Code: "en", Name: "English", EnglishName: "English"}, {Code: "fr", Name: "Français", EnglishName: "French"},
			{Code: "pt-br", Name: "Português", EnglishName: "Portuguese (Brazil)"}}
	}
	return l, nil
}

func (f *fakeClient) CheckData(ctx context.Context, addr matomo.Address, tok matomo.Token, site matomo.Site) (*matomo.DataCheck, error) {
	f.mu.Lock()
	f.dataChecks++
	f.lastToken = tok
	f.mu.Unlock()
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	if f.dataCheck == nil {
		return recentVisit(site), nil
	}
	return f.dataCheck(site)
}

// recentVisit is a data check that found a visit two hours before
// fixedNow.
func recentVisit(site matomo.Site) *matomo.DataCheck {
	return &matomo.DataCheck{Site: site, Reason: matomo.DataRecent, LastVisit: fixedNow().Add(-2*time.Hour - 10*time.Minute), CheckedAt: fixedNow()}
}

func (f *fakeClient) CreateToken(ctx context.Context, pre *matomo.Preflight, req matomo.CreateRequest) (*matomo.Created, error) {
	f.mu.Lock()
	f.creates++
	f.lastCreate = req
	f.mu.Unlock()
	if err := f.wait(ctx); err != nil {
		return nil, err
	}
	if f.create == nil {
		return nil, &matomo.Error{Class: matomo.ClassCreateRefused, Detail: i18n.Verbatim("The test's Matomo creates no tokens.")}
	}
	return f.create(req)
}

func (f *fakeClient) Timeout() time.Duration { return 30 * time.Second }

func (f *fakeClient) counts() (preflights, verifies, getChecks int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.preflights, f.verifies, f.getChecks
}

// testToken is a token the tests type; it must never reach the screen.
const testToken = "c0ffee0123456789abcdef0123456789"

var fixedNow = func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC) }

func viewerResult(addr matomo.Address) *matomo.Result {
	return &matomo.Result{Address: addr, Version: "5.0.2", Sites: []matomo.Site{
		{ID: 1, Name: "Shop", URL: "https://shop.example", Access: matomo.AccessView},
		{ID: 2, Name: "Blog", URL: "https://blog.example", Access: matomo.AccessView},
	}}
}

// driver drives the wizard's Update like a person at the keyboard, and
// runs the commands it returns the way Bubble Tea would, keeping the
// messages that matter (answers from Matomo, action results) and dropping
// timers (spinner, cursor blink).
type driver struct {
	t      *testing.T
	m      *Model
	client *fakeClient
	// cfg is the configuration m was made with; sent, when recording, every
	// message Update was given (see replayer).
	cfg  Config
	sent *[]tea.Msg
}

func newDriver(t *testing.T, cfg Config) *driver {
	t.Helper()
	return startDriver(t, cfg, nil)
}

// startDriver is newDriver, recording the messages into sent when it is
// not nil.
func startDriver(t *testing.T, cfg Config, sent *[]tea.Msg) *driver {
	t.Helper()
	fc, _ := cfg.Client.(*fakeClient)
	if cfg.Now == nil {
		cfg.Now = fixedNow
	}
	if cfg.TimeZone == nil {
		cfg.TimeZone = time.UTC
	}
	d := &driver{t: t, m: New(cfg), client: fc, cfg: cfg, sent: sent}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	return d
}

// replayer returns a function that makes, for a test, a new driver whose
// Model is where d's is now: it gives a new Model every message d's was
// given, in order: the person's keys and the answers the commands
// brought, without running the commands again. Update is the only way a
// Model changes, so the replay ends in the same state at a fraction of
// the cost (no requests, no waiting); the first replay is checked to show
// the same screen and offer the same keys as d. d must record (see
// startDriver).
func (d *driver) replayer() func(t *testing.T) *driver {
	d.t.Helper()
	if d.sent == nil {
		d.t.Fatal("replayer: the driver did not record its messages")
	}
	msgs := slices.Clone(*d.sent)
	replay := func(t *testing.T) *driver {
		r := &driver{t: t, m: New(d.cfg), client: d.client, cfg: d.cfg}
		for _, msg := range msgs {
			r.m.Update(msg)
		}
		return r
	}
	first := replay(d.t)
	if first.screen() != d.screen() || !slices.Equal(helpNames(first.m), helpNames(d.m)) || first.m.typing() != d.m.typing() {
		d.t.Fatalf("the replay of %d messages ends elsewhere than the drive:\n%s\n--- the drive:\n%s", len(msgs), first.screen(), d.screen())
	}
	return replay
}

// helpNames are the keys and descriptions the help offers now.
func helpNames(m *Model) []string {
	var out []string
	for _, b := range helpOf(m) {
		out = append(out, fmt.Sprint(b.Keys(), b.Enabled(), b.Help()))
	}
	return out
}

// send delivers a message and runs the resulting commands to completion.
func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	d.run(d.sendOnly(msg))
}

// sendOnly delivers a message but leaves its commands unrun, for testing
// what happens while a request is in flight.
func (d *driver) sendOnly(msg tea.Msg) tea.Cmd {
	if d.sent != nil {
		*d.sent = append(*d.sent, msg)
	}
	_, cmd := d.m.Update(msg)
	return cmd
}

// run executes cmd's leaves concurrently and feeds back the messages that
// arrive, except timer ticks, which would never settle.
func (d *driver) run(cmd tea.Cmd) {
	d.t.Helper()
	for _, msg := range collect(cmd) {
		d.send(msg)
	}
}

// collect runs a command tree and returns the messages worth feeding back.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	type result struct {
		i   int
		msg tea.Msg
	}
	leaves := flatten(cmd)
	out := make(chan result, len(leaves))
	for i, c := range leaves {
		go func() { out <- result{i, c()} }()
	}
	msgs := make([]tea.Msg, len(leaves))
	deadline := time.After(5 * time.Second)
	for range leaves {
		select {
		case r := <-out:
			msgs[r.i] = r.msg
		case <-deadline:
			panic("a command did not finish in 5s")
		}
	}
	var keep []tea.Msg
	for _, m := range msgs {
		if m == nil || isTimer(m) {
			continue
		}
		keep = append(keep, m)
	}
	return keep
}

// flatten expands batches and sequences into their leaf commands and
// drops timers (cursor blink, spinner ticks), which only animate.
func flatten(cmd tea.Cmd) []tea.Cmd {
	if cmd == nil {
		return nil
	}
	name := funcName(cmd)
	switch {
	case strings.Contains(name, "compactCmds["):
		// Batch and Sequence return their children at once.
		var out []tea.Cmd
		children := reflect.ValueOf(cmd())
		for i := range children.Len() {
			out = append(out, flatten(children.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	case strings.Contains(name, "bubbles/v2/cursor"), strings.Contains(name, "bubbles/v2/spinner"),
		strings.Contains(name, "bubbletea/v2.Tick"), strings.Contains(name, "bubbletea/v2.Every"):
		return nil
	}
	return []tea.Cmd{cmd}
}

func funcName(f any) string {
	return runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
}

func isTimer(msg tea.Msg) bool {
	name := fmt.Sprintf("%T", msg)
	return strings.HasPrefix(name, "spinner.") || strings.HasPrefix(name, "cursor.")
}

func (d *driver) key(keys ...string) {
	d.t.Helper()
	for _, k := range keys {
		d.send(keyPress(k))
	}
}

func (d *driver) typeText(s string) {
	d.t.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (d *driver) paste(s string) {
	d.t.Helper()
	d.send(tea.PasteMsg{Content: s})
}

// keyPress builds the message a terminal sends for a named key.
func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// screen is the wizard's current view as plain text.
func (d *driver) screen() string { return ansi.Strip(d.m.View().Content) }

// wantScreen checks that the screen shows each part, wherever the text
// wraps, and never the token.
func (d *driver) wantScreen(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if !strings.Contains(flat(s), flat(p)) {
			d.t.Fatalf("screen lacks %q:\n%s", p, s)
		}
	}
	assertNoToken(d.t, s)
}

// flat joins wrapped lines, so that a phrase matches across a line break.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func (d *driver) wantNotOnScreen(parts ...string) {
	d.t.Helper()
	s := d.screen()
	for _, p := range parts {
		if strings.Contains(flat(s), flat(p)) {
			d.t.Fatalf("screen shows %q but should not:\n%s", p, s)
		}
	}
}

// assertNoToken fails if the test token shows in s.
func assertNoToken(t *testing.T, s string) {
	t.Helper()
	if strings.Contains(strings.ToLower(s), testToken) {
		t.Fatalf("the token is visible:\n%s", s)
	}
}

// clipboardText extracts the text of a tea.SetClipboard message.
func clipboardText(msg tea.Msg) (string, bool) {
	v := reflect.ValueOf(msg)
	if fmt.Sprintf("%T", msg) != "tea.setClipboardMsg" || v.Kind() != reflect.String {
		return "", false
	}
	return v.String(), true
}
