package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// siteTable lists the sites a token reaches. It stays smooth with tens of
// thousands of rows: the search text of every site is lower-cased once,
// a filter keystroke scans those strings (or, when the filter only grew,
// just the rows still shown), and the view renders only the rows on screen.
type siteTable struct {
	sites    []matomo.Site
	haystack []string
	// visible holds indexes into sites, in order, matching the filter.
	visible []int
	// applied is the filter behind visible.
	applied string

	query     textinput.Model
	filtering bool
	// tokenDropped says a token pasted into the filter was removed.
	tokenDropped bool

	cursor int // index into visible
	top    int // first row on screen
	height int // rows on screen
	// chosen is the site under the cursor (an index into sites), kept
	// while a filter shows none, so that clearing the filter goes back
	// to it.
	chosen int

	idWidth int
	// Longest name and URL, so columns are only as wide as needed.
	nameMax, urlMax int

	// p writes the table's words: its header, the access levels.
	p *i18n.Printer
}

func newSiteTable(sites []matomo.Site, p *i18n.Printer) siteTable {
	q := textinput.New()
	q.Prompt = "/ "
	q.Placeholder = p.Sprintf(i18n.UISitesFilterPlaceholder)
	q.CharLimit = 200
	q.KeyMap.Paste.SetEnabled(false)
	t := siteTable{sites: sites, query: q, height: 10, idWidth: 2, p: p}
	t.haystack = make([]string, len(sites))
	t.visible = make([]int, len(sites))
	for i, s := range sites {
		// The access level as Matomo's API names it, and as the table
		// shows it where that differs: a filter finds either.
		access := string(s.Access)
		if shown := accessName(p, s.Access); shown != access {
			access += " " + shown
		}
		t.haystack[i] = strings.ToLower(strconv.Itoa(s.ID) + " " + s.Name + " " + s.URL + " " + access)
		t.visible[i] = i
		t.idWidth = max(t.idWidth, len(strconv.Itoa(s.ID)))
		t.nameMax = max(t.nameMax, ansi.StringWidth(s.Name))
		t.urlMax = max(t.urlMax, ansi.StringWidth(s.URL))
	}
	return t
}

func (t *siteTable) setHeight(h int) {
	t.height = max(1, h)
	t.keepCursorVisible()
}

// setFilter shows the sites whose search text holds every word of q.
func (t *siteTable) setFilter(q string) {
	words := strings.Fields(strings.ToLower(q))
	from := t.visible
	if !strings.HasPrefix(q, t.applied) || t.applied == "" {
		// Not a narrowing of the last filter: start from every site.
		from = nil
	}
	var next []int
	match := func(i int) {
		for _, w := range words {
			if !strings.Contains(t.haystack[i], w) {
				return
			}
		}
		next = append(next, i)
	}
	if from == nil {
		next = make([]int, 0, len(t.sites))
		for i := range t.sites {
			match(i)
		}
	} else {
		next = make([]int, 0, len(from))
		for _, i := range from {
			match(i)
		}
	}
	t.visible, t.applied = next, q
	// The chosen site stays chosen while the filter still shows it, on the
	// same row of the screen; else the first match is.
	row := t.cursor - t.top
	t.cursor, t.top = 0, 0
	if i, found := slices.BinarySearch(t.visible, t.chosen); found {
		t.cursor = i
		t.top = max(0, i-row)
		t.keepCursorVisible()
	}
	t.choose()
}

// choose remembers the site under the cursor, if any is shown.
func (t *siteTable) choose() {
	if len(t.visible) > 0 {
		t.chosen = t.visible[t.cursor]
	}
}

// clearFilter shows every site again, with the chosen one still chosen.
func (t *siteTable) clearFilter() {
	t.filtering, t.tokenDropped = false, false
	t.query.Blur()
	t.query.Reset()
	t.query.EchoMode = textinput.EchoNormal
	t.setFilter("")
}

func (t *siteTable) move(delta int) {
	if len(t.visible) == 0 {
		return
	}
	t.cursor = min(max(0, t.cursor+delta), len(t.visible)-1)
	t.keepCursorVisible()
	t.choose()
}

func (t *siteTable) keepCursorVisible() {
	switch {
	case t.cursor < t.top:
		t.top = t.cursor
	case t.cursor >= t.top+t.height:
		t.top = t.cursor - t.height + 1
	}
	t.top = max(0, min(t.top, len(t.visible)-t.height))
}

// selected is the site under the cursor, or nil when none is shown.
func (t *siteTable) selected() *matomo.Site {
	if len(t.visible) == 0 {
		return nil
	}
	s := t.sites[t.visible[t.cursor]]
	return &s
}

// siteTableKeyMap is the site table's keys.
type siteTableKeyMap struct {
	Up          key.Binding
	Down        key.Binding
	PageUp      key.Binding
	PageDown    key.Binding
	Home        key.Binding
	End         key.Binding
	Filter      key.Binding
	FilterMove  key.Binding // ↑/↓ while typing the filter (j and k are letters then)
	FilterDone  key.Binding
	ClearFilter key.Binding
}

func defaultSiteTableKeys(p *i18n.Printer) siteTableKeyMap {
	return siteTableKeyMap{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", p.Sprintf(i18n.UIKeyUp))),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", p.Sprintf(i18n.UIKeyDown))),
		PageUp:      key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", p.Sprintf(i18n.UIKeyPageUp))),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn/space", p.Sprintf(i18n.UIKeyPageDown))),
		Home:        key.NewBinding(key.WithKeys("home"), key.WithHelp("home", p.Sprintf(i18n.UIKeyFirstSite))),
		End:         key.NewBinding(key.WithKeys("end"), key.WithHelp("end", p.Sprintf(i18n.UIKeyLastSite))),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", p.Sprintf(i18n.UIKeyFilter))),
		FilterMove:  key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", p.Sprintf(i18n.UIKeyChoose))),
		FilterDone:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", p.Sprintf(i18n.UIKeyDone))),
		ClearFilter: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", p.Sprintf(i18n.UIKeyClearFilter))),
	}
}

func (k *siteTableKeyMap) bindings() []*key.Binding {
	return []*key.Binding{&k.Up, &k.Down, &k.PageUp, &k.PageDown, &k.Home, &k.End, &k.Filter, &k.FilterMove, &k.FilterDone,
		&k.ClearFilter}
}

// keys is what the filter offers now.
func (t *siteTable) keys(k *siteTableKeyMap) []*key.Binding {
	switch {
	case t.filtering && len(t.visible) > 1:
		return []*key.Binding{&k.FilterMove, &k.FilterDone, &k.ClearFilter}
	case t.filtering:
		return []*key.Binding{&k.FilterDone, &k.ClearFilter}
	case t.query.Value() != "":
		return []*key.Binding{&k.Filter, &k.ClearFilter}
	}
	return []*key.Binding{&k.Filter}
}

// moves is the cursor keys that move it from where it is.
func (t *siteTable) moves(k *siteTableKeyMap) []*key.Binding {
	var out []*key.Binding
	if t.filtering || len(t.visible) == 0 {
		return nil
	}
	if t.cursor > 0 {
		out = append(out, &k.Up)
	}
	if t.cursor < len(t.visible)-1 {
		out = append(out, &k.Down)
	}
	if t.cursor > 0 {
		out = append(out, &k.PageUp, &k.Home)
	}
	if t.cursor < len(t.visible)-1 {
		out = append(out, &k.PageDown, &k.End)
	}
	return out
}

// update moves through the table or edits the filter, with the keys the
// table offers (keys, moves). It reports whether the key was used.
func (t *siteTable) update(msg tea.Msg, keys *siteTableKeyMap) (bool, tea.Cmd) {
	if t.filtering {
		if k, ok := msg.(tea.KeyPressMsg); ok {
			// As huh's select: the arrows choose among the matches while
			// everything typed goes on into the filter.
			switch {
			case key.Matches(k, keys.FilterMove) && k.Code == tea.KeyUp:
				t.move(-1)
				return true, nil
			case key.Matches(k, keys.FilterMove):
				t.move(1)
				return true, nil
			case key.Matches(k, keys.FilterDone):
				t.filtering, t.tokenDropped = false, false
				t.query.Blur()
				return true, nil
			case key.Matches(k, keys.ClearFilter):
				t.clearFilter()
				return true, nil
			}
		}
		var cmd tea.Cmd
		before := t.query.Value()
		t.query, cmd = t.query.Update(msg)
		if v := t.query.Value(); v != before {
			// An edit: the note about an earlier one no longer applies (and
			// a cursor blink, which changes nothing, leaves it be).
			t.tokenDropped = matomo.ContainsToken(v)
			if t.tokenDropped {
				t.query.Reset() // never shown back, never kept
			}
		}
		// The beginning of a token being typed key by key is not shown
		// either (see maskRun).
		if matomo.HexRun(t.query.Value()) >= maskRun {
			t.query.EchoMode = textinput.EchoPassword
		} else {
			t.query.EchoMode = textinput.EchoNormal
		}
		if t.query.Value() != t.applied {
			t.setFilter(t.query.Value())
		}
		return true, cmd
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	switch {
	case key.Matches(k, keys.Filter):
		t.filtering = true
		return true, t.query.Focus()
	case key.Matches(k, keys.ClearFilter):
		t.clearFilter()
	case key.Matches(k, keys.Up):
		t.move(-1)
	case key.Matches(k, keys.Down):
		t.move(1)
	case key.Matches(k, keys.PageUp):
		t.move(-t.height)
	case key.Matches(k, keys.PageDown):
		t.move(t.height)
	case key.Matches(k, keys.Home):
		t.move(-len(t.visible))
	case key.Matches(k, keys.End):
		t.move(len(t.visible))
	default:
		return false, nil
	}
	return true, nil
}

// view renders the rows on screen. With less than 60 columns the URL
// column gives way, and the chosen site's URL is shown under the table.
func (t *siteTable) view(s styles, width int) string {
	var b strings.Builder
	if t.filtering || t.query.Value() != "" {
		b.WriteString(t.query.View())
		b.WriteByte('\n')
	}
	if t.tokenDropped {
		b.WriteString(s.warn.Render(wrap(t.p.Sprintf(i18n.UISitesFilterTokenDropped), width)) + "\n")
	}
	if len(t.visible) == 0 {
		what := t.p.Sprintf(i18n.UISitesFilterQuoted, matomo.Printable(t.query.Value(), 200))
		if t.query.EchoMode != textinput.EchoNormal {
			what = t.p.Sprintf(i18n.UISitesWhatYouTyped)
		}
		b.WriteString(s.warn.Render(wrap(t.p.Sprintf(i18n.UISitesNoMatch, what), width)))
		return b.String()
	}
	showURL := width >= 60
	nameWidth, urlWidth := t.columns(width, showURL)
	header := fmt.Sprintf("  %*s  %-*s", t.idWidth, "ID", nameWidth, "Name")
	if showURL {
		header += fmt.Sprintf("  %-*s", urlWidth, "URL")
	}
	header += "  " + t.p.Sprintf(i18n.UISitesAccessHeader)
	b.WriteString(s.subtle.Render(header))
	end := min(len(t.visible), t.top+t.height)
	for row := t.top; row < end; row++ {
		site := t.sites[t.visible[row]]
		line := fmt.Sprintf("%*d  %s", t.idWidth, site.ID, pad(site.Name, nameWidth))
		if showURL {
			line += "  " + pad(site.URL, urlWidth)
		}
		line += "  " + accessName(t.p, site.Access)
		b.WriteByte('\n')
		if row == t.cursor {
			b.WriteString(s.selected.Render("▸ " + line))
		} else {
			b.WriteString("  " + line)
		}
	}
	if !showURL {
		if sel := t.selected(); sel != nil {
			b.WriteString("\n" + s.subtle.Render(ansi.Truncate("  URL "+sel.URL, width, "…")))
		}
	}
	return b.String()
}

// columns shares the width left by id and access between name and URL:
// each as wide as its longest entry if both fit, else in proportion.
func (t *siteTable) columns(width int, showURL bool) (name, url int) {
	accessWidth := t.accessWidth()
	free := width - 2 - t.idWidth - 2 - accessWidth - 2 // marker, gaps
	if !showURL {
		return free, 0
	}
	free -= 2
	name, url = max(4, t.nameMax), max(3, t.urlMax)
	if name+url <= free {
		return name, url
	}
	name = max(10, free*45/100)
	return name, max(10, free-name)
}

// accessName is an access level as the table and the counts name it.
func accessName(p *i18n.Printer, a matomo.Access) string { return p.Text(a.Text()) }

// accessWidth is the access column's width: its header's or its widest
// level's, in the table's language.
func (t *siteTable) accessWidth() int {
	w := ansi.StringWidth(t.p.Sprintf(i18n.UISitesAccessHeader))
	for _, a := range []matomo.Access{matomo.AccessAdmin, matomo.AccessWrite, matomo.AccessView} {
		w = max(w, ansi.StringWidth(accessName(t.p, a)))
	}
	return w
}
