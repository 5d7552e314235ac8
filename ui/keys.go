package ui

import "charm.land/bubbles/v2/key"

// The one place for key bindings. Each screen lists the ones that work on
// it right now, so the help bar never offers a key that does nothing.
var (
	keyQuit      = key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))
	keyCancel    = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
	keyHelp      = key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys"))
	keyStart     = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start"))
	keyCheck     = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "check"))
	keyNext      = key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "next"))
	keyBack      = key.NewBinding(key.WithKeys("esc", "shift+tab", "left", "h"), key.WithHelp("esc", "back"))
	keyInputBack = key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "back"))
	keyOpen      = key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in browser"))
	keyCopyLink  = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy link"))
	keyCopyText  = key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "copy description"))
	keyHaveToken = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "I already have a token"))
	keyScroll    = key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown", "k", "j"), key.WithHelp("↑/↓", "scroll"))

	keyUseHTTPS  = key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "use https"))
	keyUseNew    = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "use new address"))
	keyEdit      = key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit address"))
	keyRetry     = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "retry"))
	keyKeepHTTP  = key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "keep http"))
	keyCancelReq = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))

	keyVerify    = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "verify"))
	keyDemoToken = key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next demo token"))
	keyClear     = key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear"))

	keyUseSite    = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use this site"))
	keyFilter     = key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter"))
	keyRows       = key.NewBinding(key.WithKeys("up", "down", "k", "j", "pgup", "pgdown", "home", "end"), key.WithHelp("↑/↓/pgup/pgdn", "move"))
	keyFilterDone = key.NewBinding(key.WithKeys("enter", "down"), key.WithHelp("enter", "done"))
	keyFilterEsc  = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter"))
	keyGetCheck   = key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "check URL use"))
	keyReport     = key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "diagnostics"))
	keyEditToken  = key.NewBinding(key.WithKeys("esc", "e"), key.WithHelp("e", "edit token"))
	keyAddress    = key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "change address"))
	keyConsent    = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes, run it"))
	keyDecline    = key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "no"))

	keyCopyToken = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy token"))
	keyCopyURL   = key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "copy address"))
	keyCopySite  = key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "copy site id"))
	keyDoneBack  = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to sites"))
)

// helpKeys is what one screen offers right now: the short list for the
// help bar and groups for the full help (?).
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// keys builds helpKeys: short is what the bar shows (plus ?), short and
// more together (plus ctrl+c) what full help shows.
func keys(short []key.Binding, more ...key.Binding) helpKeys {
	var bar, all []key.Binding
	for _, b := range short {
		if b.Help().Key != keyCancel.Help().Key {
			bar = append(bar, b)
		}
		all = append(all, b)
	}
	bar = append(bar, keyHelp)
	all = append(all, more...)
	return helpKeys{short: bar, full: [][]key.Binding{all, {keyHelp, keyCancel}}}
}
