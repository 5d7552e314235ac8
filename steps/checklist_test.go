package steps

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// day is the fixed date of the golden checklists.
var day = time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)

func mustAddress(t *testing.T, raw string) matomo.Address {
	t.Helper()
	a, err := matomo.ParseAddress(raw)
	if err != nil {
		t.Fatalf("ParseAddress(%q): %v", raw, err)
	}
	return a
}

func render(t *testing.T, c Checklist, f Format) string {
	t.Helper()
	out, err := c.Render(f)
	if err != nil {
		t.Fatalf("Render(%s): %v", f, err)
	}
	return out
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./steps/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./steps/ -update rewrites it after a deliberate change)\n--- got ---\n%s", name, got)
	}
}

func TestChecklistGolden(t *testing.T) {
	c := Checklist{Address: mustAddress(t, "analytics.example.org/matomo/index.php"), Now: day}
	golden(t, "checklist.txt.golden", render(t, c, Text))
	golden(t, "checklist.md.golden", render(t, c, Markdown))
}

// TestChecklistGoldenInGerman is the checklist for a German reader whose
// Matomo is in German (the built-in labels).
func TestChecklistGoldenInGerman(t *testing.T) {
	c := Checklist{Address: mustAddress(t, "analytics.example.org/matomo/index.php"), Now: day,
		Printer: i18n.For("de"), Labels: Labels{Lang: "de"}}
	golden(t, "checklist.de.txt.golden", render(t, c, Text))
	golden(t, "checklist.de.md.golden", render(t, c, Markdown))
}

// TestChecklistTellsTheGuide checks that the checklist is the wizard's
// guide: every step, in order, with its title and deep link.
func TestChecklistTellsTheGuide(t *testing.T) {
	addr := mustAddress(t, "https://analytics.example.org")
	guide := Guide("", day)
	german := Build(Options{Now: day, Printer: i18n.For("de")})
	for _, f := range []Format{Text, Markdown} {
		// In German, the same steps in the same order.
		flat := strings.Join(strings.Fields(render(t, Checklist{Address: addr, Now: day, Printer: i18n.For("de")}, f)), " ")
		at := 0
		for i, s := range german {
			title := s.Title
			if f == Markdown {
				title = "**" + mdEscape(title) + "**"
			}
			i0 := strings.Index(flat[at:], title)
			if i0 < 0 {
				t.Fatalf("%s: German step %d %q missing or out of order", f, i+1, s.Title)
			}
			at += i0
		}
		out := render(t, Checklist{Address: addr, Now: day}, f)
		at = 0
		for i, s := range guide {
			title := s.Title
			if f == Markdown {
				title = "**" + mdEscape(title) + "**"
			}
			i0 := strings.Index(out[at:], title)
			if i0 < 0 {
				t.Fatalf("%s: step %d %q missing or out of order", f, i+1, s.Title)
			}
			at += i0
		}
		for _, want := range []string{
			"https://analytics.example.org/index.php?module=UsersManager&action=userSecurity",
			"https://analytics.example.org/index.php?module=UsersManager&action=addNewToken",
			"https://analytics.example.org/\n", // the login page, step 1
			"Matomo 3 has one token per user",
			"Acona 2026-11-28",
			"API Key:     the token",
			"https://analytics.example.org/index.php?module=SitesManager&action=index", // every site's ID
		} {
			if f == Markdown && strings.HasSuffix(want, "/\n") {
				want = "<https://analytics.example.org/>"
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s checklist lacks %q", f, want)
			}
		}
	}
}

// TestChecklistLinksOncePerPage checks that consecutive steps on the same
// page do not repeat its link: three different pages, three links.
func TestChecklistLinksOncePerPage(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "matomo.example.com"), Now: day}, Text)
	links := regexp.MustCompile(`https://matomo\.example\.com/\S*`).FindAllString(out, -1)
	var inSteps []string
	for _, l := range links {
		if strings.Contains(l, "index.php") || strings.HasSuffix(l, ".com/") {
			inSteps = append(inSteps, l)
		}
	}
	want := []string{
		"https://matomo.example.com/",
		"https://matomo.example.com/index.php?module=UsersManager&action=userSecurity",
		"https://matomo.example.com/index.php?module=UsersManager&action=addNewToken",
		"https://matomo.example.com/index.php?module=SitesManager&action=index",
	}
	if strings.Join(inSteps, " ") != strings.Join(want, " ") {
		t.Errorf("deep links in the steps:\n got %q\nwant %q", inSteps, want)
	}
}

func TestTextWrapsAtWidth(t *testing.T) {
	addr := mustAddress(t, "https://a-rather-long-host-name.analytics.example.org/sub/path")
	out := render(t, Checklist{Address: addr, Now: day}, Text)
	german := render(t, Checklist{Address: addr, Now: day, Printer: i18n.For("de")}, Text)
	for i, line := range strings.Split(out+german, "\n") {
		if n := utf8.RuneCountInString(line); n > TextWidth && !strings.Contains(line, "https://") {
			t.Errorf("line %d is %d characters wide (limit %d): %q", i+1, n, TextWidth, line)
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, line)
		}
	}
	// A link is never cut: it stands whole on one line.
	if !strings.Contains(out, "\n   https://a-rather-long-host-name.analytics.example.org/sub/path/index.php?module=UsersManager&action=addNewToken\n") {
		t.Errorf("the long link was not kept whole on a line of its own:\n%s", out)
	}
}

// TestMarkdownStructure checks what makes the Markdown render as meant: a
// numbered list 1 to 8 at the left margin, item paragraphs indented under
// the marker, links as autolinks, the description as a code block.
func TestMarkdownStructure(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "https://analytics.example.org"), Now: day}, Markdown)
	lines := strings.Split(out, "\n")
	n := 0
	inList := false
	for i, line := range lines {
		if m := regexp.MustCompile(`^(\d+)\. \*\*`).FindStringSubmatch(line); m != nil {
			n++
			if m[1] != strconv.Itoa(n) {
				t.Errorf("line %d: item %s, want %d", i+1, m[1], n)
			}
			inList = true
			continue
		}
		if strings.HasPrefix(line, "## ") {
			inList = false
		}
		if inList && line != "" && !strings.HasPrefix(line, "   ") {
			t.Errorf("line %d inside the list is not indented under its item: %q", i+1, line)
		}
		code := strings.HasPrefix(line, "    ") && !inList || strings.HasPrefix(line, "       ")
		if strings.Contains(line, "https://") && !code && !regexp.MustCompile(`<https://[^\s<>]+>`).MatchString(line) {
			t.Errorf("line %d has a link that is not an autolink: %q", i+1, line)
		}
	}
	if want := len(Guide("", day)) + 2; n != want { // the guide, entering the token, what to send back
		t.Errorf("%d numbered items, want %d", n, want)
	}
	if !strings.Contains(out, "\n\n       Acona 2026-11-28\n\n") {
		t.Errorf("the description is not an indented code block inside item 6:\n%s", out)
	}
	if !regexp.MustCompile(`\n\n {7,8}Matomo URL:  https://analytics\.example\.org\n {7,8}Site ID:     the ID of the site to read \(see below\)\n`).MatchString(out) {
		t.Errorf("Acona's fields are not one code block inside their item:\n%s", out)
	}
	if !strings.HasPrefix(out, "# Create a Matomo API token for Acona\n\n- Matomo: <https://analytics.example.org>\n- Token description: `Acona 2026-11-28`\n") {
		t.Errorf("unexpected heading:\n%s", out[:200])
	}
}

func TestOtherToolHasNoAPIKeyField(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "https://analytics.example.org"), Tool: "Looker Studio", Now: day}, Text)
	for _, want := range []string{"Looker Studio 2026-11-28", "Enter the token in Looker Studio",
		"In Looker Studio, where it asks for the Matomo API token (token_auth), paste the token",
		"log in as the user whose access the Looker Studio integration should have"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("checklist for another tool lacks %q", want)
		}
	}
	if strings.Contains(out, "API Key") {
		t.Errorf("the \"API Key\" field belongs to Acona's form, not to other tools")
	}
}

func TestMarkdownEscapesToolName(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "https://analytics.example.org"), Tool: "My_*Report*", Now: day}, Markdown)
	if !strings.Contains(out, `# Create a Matomo API token for My\_\*Report\*`) {
		t.Errorf("tool name not escaped in the heading:\n%s", out[:120])
	}
	if !strings.Contains(out, "`My_*Report* 2026-11-28`") {
		t.Errorf("the description should be a code span, verbatim")
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": Text, "TXT": Text, " markdown ": Markdown, "md": Markdown} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ParseFormat("html")
	if err == nil || err.Error() != `unknown format "html": use text or markdown` {
		t.Errorf("ParseFormat(html) error = %v", err)
	}
}

func TestCheckTool(t *testing.T) {
	if err := CheckTool("Acona"); err != nil {
		t.Errorf("CheckTool(Acona) = %v", err)
	}
	for in, want := range map[string]string{
		"  ":                    "the tool name is empty",
		strings.Repeat("x", 41): "41 characters long; keep it to 40",
		"a\nb":                  "line break",
		"a`b":                   "` < or >",
	} {
		err := CheckTool(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckTool(%q) = %v, want an error containing %q", in, err, want)
		}
	}
}

func TestRenderNeedsAnAddressAndAFormat(t *testing.T) {
	if _, err := (Checklist{Now: day}).Render(Text); err == nil {
		t.Error("Render without an address succeeded")
	}
	if _, err := (Checklist{Address: mustAddress(t, "example.org"), Now: day}).Render("pdf"); err == nil {
		t.Error("Render with an unknown format succeeded")
	}
}

func TestMatomo3Note(t *testing.T) {
	if got := (Step{Matomo3: "Matomo 3 differs."}).Matomo3Note(); got != "Matomo 3 differs." {
		t.Errorf("note that names Matomo 3 got a prefix: %q", got)
	}
	if got := (Step{Matomo3: "The token is under Platform → API."}).Matomo3Note(); got != "Matomo 3: The token is under Platform → API." {
		t.Errorf("note without context: %q", got)
	}
	if got := (Step{}).Matomo3Note(); got != "" {
		t.Errorf("empty note: %q", got)
	}
}

// checklists are every checklist a support person can print: each
// version, each format, Acona and another tool, in English and German
// (the name ends in its language).
func checklists(t *testing.T, raw string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, v := range Versions {
		for _, f := range []Format{Text, Markdown} {
			for _, tool := range []string{"", "Looker Studio"} {
				for _, lang := range i18n.Languages() {
					c := Checklist{Address: mustAddress(t, raw), Tool: tool, Now: day, Version: v,
						Printer: i18n.For(lang), Labels: Labels{Lang: lang}}
					out[fmt.Sprintf("%s %s %q %s", v, f, tool, lang)] = render(t, c, f)
				}
			}
		}
	}
	return out
}

// TestTheChecklistIsForSomeoneWithoutThisProgram: the person creating
// the token does not have matomo-onboard, so the checklist names none of
// its commands or screens, for any version, format or tool.
func TestTheChecklistIsForSomeoneWithoutThisProgram(t *testing.T) {
	for name, out := range checklists(t, "http://analytics.example.org") {
		for _, not := range []string{"matomo-onboard", "wizard", "--url", "verify"} {
			if strings.Contains(strings.ToLower(out), not) {
				t.Errorf("%s: the checklist says %q:\n%s", name, not, out)
			}
		}
	}
}

// TestTheChecklistSaysWhatToSendBack: the site's ID and the Matomo
// address go back, the token never does; it goes into the tool, entered
// by the person who created it.
func TestTheChecklistSaysWhatToSendBack(t *testing.T) {
	says := map[string]struct {
		want         []string
		intro, enter string // the intro naming the step that enters the token, that step's title
	}{
		"en": {[]string{
			"never send it by e-mail or chat, not even to whoever sent you these steps",
			"The site's ID: in Matomo, open the site to read", "idSite=",
			"Send back the site's ID and the Matomo address, not the token",
			"Matomo address: https://analytics.example.org/matomo Site ID:",
			"If it was sent by e-mail or chat, or may have been seen by others",
		}, `you enter it into (.+?) yourself \(step (\d+)\)`, `Enter the token in %s`},
		"de": {[]string{
			"schicken ihn nie per E-Mail oder Chat, auch nicht an die Person, die Ihnen diese Anleitung geschickt hat",
			"Die ID der Website: Öffnen Sie in Matomo die Website, die gelesen werden soll", "idSite=",
			"Die ID der Website und die Matomo-Adresse zurückschicken, nicht den Token",
			"Matomo-Adresse: https://analytics.example.org/matomo ID der Website:",
			"Wurde er per E-Mail oder Chat verschickt oder könnten andere ihn gesehen haben",
		}, `Sie tragen ihn selbst in (.+?) ein \(Schritt (\d+)\)`, `Token in %s eintragen`},
	}
	for name, out := range checklists(t, "https://analytics.example.org/matomo") {
		lang := name[strings.LastIndexByte(name, ' ')+1:]
		say := says[lang]
		text := strings.Join(strings.Fields(out), " ")
		for _, want := range say.want {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the checklist lacks %q:\n%s", name, want, out)
			}
		}
		// "you enter it into Acona yourself (step N)": N is that step.
		m := regexp.MustCompile(say.intro).FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("%s: the intro does not say who enters the token where:\n%s", name, out)
		}
		title := strings.ReplaceAll(regexp.QuoteMeta(fmt.Sprintf(say.enter, m[1])), " ", `\s+`)
		if !regexp.MustCompile(`(^|\n)(` + m[2] + `\. |` + m[2] + `\. \*\*)` + title).MatchString(out) {
			t.Errorf("%s: step %s is not %q:\n%s", name, m[2], fmt.Sprintf(say.enter, m[1]), out)
		}
	}
}

// TestMarkdownHasNoNeedlessBackslashes: a chat that shows Markdown as
// typed shows every backslash, so the checklist has none that it does
// not need (token_auth, not token\_auth).
func TestMarkdownHasNoNeedlessBackslashes(t *testing.T) {
	named := 0
	for name, out := range checklists(t, "https://analytics.example.org") {
		if !strings.Contains(name, string(Markdown)) {
			continue
		}
		if i := strings.Index(out, `\`); i >= 0 {
			t.Errorf("%s: a backslash in %q", name, out[max(0, i-30):min(len(out), i+30)])
		}
		named += strings.Count(out, "token_auth")
	}
	if named == 0 {
		t.Error("no checklist names token_auth, so the test proves nothing")
	}
}

func TestMarkdownEscapesOnlyWhatWouldBeMarkup(t *testing.T) {
	for in, want := range map[string]string{
		"token_auth":                  "token_auth",
		"_start and end_":             `\_start and end\_`,
		"a *b* c":                     `a \*b\* c`,
		"`code`":                      "\\`code\\`",
		"[a](http://x)":               `\[a](http://x)`,
		"[a] alone":                   "[a] alone",
		"<b>bold</b>":                 `\<b>bold\</b>`,
		"a < b and b > a":             "a < b and b > a",
		"> quote":                     `\> quote`,
		"…&token_auth=…":              "…&token_auth=…",
		"&amp; &#38;":                 `\&amp; \&#38;`,
		`C:\path and \*`:              `C:\path and \\\*`,
		"Sicherheit (Security) → API": "Sicherheit (Security) → API",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestChecklistForAnInternationalName: the links use the form DNS uses,
// and the Matomo line shows the Unicode form beside it.
func TestChecklistForAnInternationalName(t *testing.T) {
	c := Checklist{Address: mustAddress(t, "münchen.example/matomo"), Now: day}
	text := render(t, c, Text)
	if !strings.Contains(text, "Matomo:             https://xn--mnchen-3ya.example/matomo (münchen.example)\n") ||
		!strings.Contains(text, "https://xn--mnchen-3ya.example/matomo/index.php?module=UsersManager&action=addNewToken") {
		t.Errorf("the text checklist:\n%s", text)
	}
	md := render(t, c, Markdown)
	if !strings.Contains(md, "- Matomo: <https://xn--mnchen-3ya.example/matomo> (münchen.example)\n") {
		t.Errorf("the Markdown checklist:\n%s", md)
	}
}
