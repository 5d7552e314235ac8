package steps

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/matomo"
)

// Format is how a checklist is written out.
type Format string

const (
	// Text is plain text wrapped at TextWidth, for an email or a chat
	// that shows text as it is.
	Text Format = "text"
	// Markdown is CommonMark: a numbered list with links, for chats,
	// tickets and wikis that render it.
	Markdown Format = "markdown"
)

// TextWidth is where the text checklist wraps: what mail programs and
// terminals show without wrapping again.
const TextWidth = 72

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown format %q: use text or markdown", matomo.Printable(s, 40))
}

// maxToolLength keeps the suggested description ("<tool> <date>") well
// inside the 100 characters Matomo allows for it.
const maxToolLength = 40

// CheckTool explains what is wrong with a tool name given on the command
// line, or returns nil. The name ends up in the token's description in
// Matomo and in Markdown code spans.
func CheckTool(tool string) error {
	switch {
	case strings.TrimSpace(tool) == "":
		return fmt.Errorf("the tool name is empty: leave --tool out to use %s", DefaultTool)
	case utf8.RuneCountInString(tool) > maxToolLength:
		return fmt.Errorf("the tool name is %d characters long; keep it to %d, it becomes part of the token's description in Matomo",
			utf8.RuneCountInString(tool), maxToolLength)
	case strings.ContainsFunc(tool, unicode.IsControl):
		return fmt.Errorf("the tool name contains a line break or control character")
	case strings.ContainsAny(tool, "`<>"):
		return fmt.Errorf("the tool name contains ` < or >, which a token description should not")
	}
	return nil
}

// Checklist is the guide written out for one Matomo, for a support person
// to send to a customer before a call: the same steps the wizard shows,
// with the deep links built for that Matomo.
type Checklist struct {
	Address matomo.Address
	// Tool is the integration the token is for; DefaultTool when empty.
	Tool string
	// Now dates the suggested token description.
	Now time.Time
	// Version is the customer's Matomo, when known: the steps then show
	// only the fields it has.
	Version Version
	// Labels names Matomo's menus and buttons, in the language of the
	// customer's Matomo when it said them.
	Labels Labels
}

// Render writes the checklist in the given format.
func (c Checklist) Render(f Format) (string, error) {
	if c.Address.IsZero() {
		return "", fmt.Errorf("the checklist needs a Matomo address")
	}
	switch f {
	case Text:
		return renderText(c.document()), nil
	case Markdown:
		return renderMarkdown(c.document()), nil
	}
	return "", fmt.Errorf("unknown format %q: use text or markdown", string(f))
}

// document is the checklist's content, shared by both formats so they
// cannot say different things.
type document struct {
	title   string
	facts   []fact
	intro   []paragraph
	items   []item
	endHead string
	end     []paragraph
}

type fact struct {
	label, value string
	code         bool // a value to type, shown as code in Markdown
	link         bool
}

// paragraph is a run of prose, or a literal line to copy or type.
type paragraph struct {
	text    string
	literal bool
	link    bool // text is a URL
	label   string
}

type item struct {
	title string
	paras []paragraph
}

func (c Checklist) tool() string {
	if strings.TrimSpace(c.Tool) == "" {
		return DefaultTool
	}
	return strings.TrimSpace(c.Tool)
}

func (c Checklist) document() document {
	tool := c.tool()
	base := c.Address.String()
	d := document{
		title: "Create a Matomo API token for " + tool,
		facts: []fact{
			{label: "Matomo", value: base, link: true},
			{label: "Token description", value: Purpose(tool, c.Now), code: true},
		},
		intro: []paragraph{{text: "You need a Matomo login with access to the sites " + tool + " should read. " +
			"The token you create acts as that user's password for Matomo's API: keep it secret " +
			"and never send it by email or chat. Each user has their own token."},
			{text: "The links below open the right page of your Matomo; when you are not logged in, " +
				"Matomo asks you to log in first and then shows the page."}},
	}
	previous := ""
	for _, s := range Build(Options{Tool: tool, Now: c.Now, Version: c.Version, Labels: c.Labels}) {
		it := item{title: s.Title, paras: bodyParagraphs(s.Body)}
		// The same link on consecutive steps (all of the token form's
		// steps) is given once: the person is already on that page.
		if link := s.Link.URL(c.Address); link != "" && link != previous {
			it.paras = append(it.paras, paragraph{label: "Link", text: link, link: true})
			previous = link
		}
		if note := s.Matomo3Note(); note != "" {
			it.paras = append(it.paras, paragraph{text: note})
		}
		d.items = append(d.items, it)
	}
	d.endHead = "After creating the token"
	if c.Version == Matomo3 {
		d.endHead = "After copying the token"
	}
	d.end = c.ending(tool, base)
	return d
}

// ending says what to do with the token: where to paste it, how to keep
// it, and how to check it.
func (c Checklist) ending(tool, base string) []paragraph {
	paste := "Paste the token into " + tool + " where it asks for the Matomo token (token_auth), " +
		"together with the Matomo address (above) and the ID of the site to read."
	if strings.EqualFold(tool, DefaultTool) {
		paste = "Paste the token into " + DefaultTool + "'s data-source form, in the field \"API Key\". " +
			"The form also asks for the Matomo address (above) and the ID of the site to read."
	}
	keep := "Keep the token like a password, for example in a password manager. Matomo shows it only once: " +
		"if it is lost, create a new one and delete the old one under " + c.Labels.Name(KeyPersonal) + " → " + c.Labels.Name(KeySecurity) + "."
	if c.Version == Matomo3 {
		keep = "Keep the token like a password, for example in a password manager. Matomo 3 shows it again on the same page " +
			"whenever you need it, until the password changes."
	}
	return []paragraph{
		{text: paste},
		{text: keep},
		{text: "To check the token and see every site it reaches with its ID, run matomo-onboard, which asks for the token " +
			"without showing it:"},
		{text: "matomo-onboard --url " + shellWord(base), literal: true},
		{text: "or, for the check alone:"},
		{text: "matomo-onboard verify --url " + shellWord(base), literal: true},
	}
}

// bodyParagraphs splits a step's body at blank lines; a paragraph indented
// by four spaces is a literal to copy, such as the suggested description.
func bodyParagraphs(body string) []paragraph {
	var out []paragraph
	for _, p := range strings.Split(body, "\n\n") {
		if strings.HasPrefix(p, "    ") {
			out = append(out, paragraph{text: strings.TrimSpace(p), literal: true})
			continue
		}
		out = append(out, paragraph{text: strings.Join(strings.Fields(p), " ")})
	}
	return out
}

// shellWord quotes s for a POSIX shell when it holds anything but the
// characters an address usually has, so the command can be pasted as is.
func shellWord(s string) string {
	safe := func(r rune) bool {
		return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-_./:@%+=,", r))
	}
	for _, r := range s {
		if !safe(r) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}
