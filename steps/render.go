package steps

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// renderText writes the checklist as plain text wrapped at TextWidth,
// numbered steps with their bodies indented under the title.
func renderText(d document) string {
	var b strings.Builder
	b.WriteString(d.title + "\n")
	b.WriteString(strings.Repeat("=", utf8.RuneCountInString(d.title)) + "\n\n")
	labelWidth := 0
	for _, f := range d.facts {
		labelWidth = max(labelWidth, utf8.RuneCountInString(f.label))
	}
	for _, f := range d.facts {
		pad := strings.Repeat(" ", labelWidth-utf8.RuneCountInString(f.label))
		b.WriteString(f.label + ":" + pad + "  " + f.value)
		if f.beside != "" {
			b.WriteString(" (" + f.beside + ")")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	writeTextParagraphs(&b, d.intro, "")
	for i, it := range d.items {
		marker := fmt.Sprintf("%d. ", i+1)
		indent := strings.Repeat(" ", len(marker))
		b.WriteString("\n")
		for j, line := range wrap(it.title, TextWidth-len(marker)) {
			if j == 0 {
				b.WriteString(marker + line + "\n")
			} else {
				b.WriteString(indent + line + "\n")
			}
		}
		for j, p := range it.paras {
			if j > 0 {
				b.WriteString("\n")
			}
			writeTextParagraph(&b, p, indent)
		}
	}
	b.WriteString("\n" + d.endHead + "\n")
	b.WriteString(strings.Repeat("-", utf8.RuneCountInString(d.endHead)) + "\n\n")
	writeTextParagraphs(&b, d.end, "")
	return b.String()
}

func writeTextParagraphs(b *strings.Builder, paras []paragraph, indent string) {
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n")
		}
		writeTextParagraph(b, p, indent)
	}
}

// writeTextParagraph wraps prose and indents a literal by four more
// spaces, so that it stands out and can be copied whole.
func writeTextParagraph(b *strings.Builder, p paragraph, indent string) {
	if p.literal {
		writeLiteral(b, p.text, indent+"    ")
		return
	}
	text := p.text
	if p.label != "" {
		text = p.label + ": " + text
	}
	for _, line := range wrap(text, TextWidth-len(indent)) {
		b.WriteString(indent + line + "\n")
	}
}

// wrap breaks text into lines of at most width characters at spaces. A
// word longer than the width (a long link) gets a line of its own rather
// than being cut, so it still works when clicked or copied.
func wrap(text string, width int) []string {
	var lines []string
	line, n := "", 0
	for _, w := range strings.Fields(text) {
		wn := utf8.RuneCountInString(w)
		switch {
		case n == 0:
			line, n = w, wn
		case n+1+wn <= width:
			line, n = line+" "+w, n+1+wn
		default:
			lines = append(lines, line)
			line, n = w, wn
		}
	}
	if n > 0 {
		lines = append(lines, line)
	}
	return lines
}

// renderMarkdown writes the checklist as CommonMark: a heading, the facts
// as a bullet list, the steps as a numbered list whose items hold their
// paragraphs, links as autolinks and literals as code.
func renderMarkdown(d document) string {
	var b strings.Builder
	b.WriteString("# " + mdEscape(d.title) + "\n\n")
	for _, f := range d.facts {
		v := mdEscape(f.value)
		switch {
		case f.link:
			v = "<" + f.value + ">"
		case f.code:
			v = codeSpan(f.value)
		}
		if f.beside != "" {
			v += " (" + mdEscape(f.beside) + ")"
		}
		b.WriteString("- " + mdEscape(f.label) + ": " + v + "\n")
	}
	b.WriteString("\n")
	writeMarkdownParagraphs(&b, d.intro, "")
	for i, it := range d.items {
		marker := fmt.Sprintf("%d. ", i+1)
		indent := strings.Repeat(" ", len(marker))
		b.WriteString("\n" + marker + "**" + mdEscape(it.title) + "**\n")
		for _, p := range it.paras {
			b.WriteString("\n")
			writeMarkdownParagraph(&b, p, indent)
		}
	}
	b.WriteString("\n## " + mdEscape(d.endHead) + "\n\n")
	writeMarkdownParagraphs(&b, d.end, "")
	return b.String()
}

func writeMarkdownParagraphs(b *strings.Builder, paras []paragraph, indent string) {
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n")
		}
		writeMarkdownParagraph(b, p, indent)
	}
}

// writeMarkdownParagraph writes one paragraph on one line (chat programs
// turn line breaks inside a paragraph into real ones), a literal as an
// indented code block, which is kept verbatim and easy to copy.
func writeMarkdownParagraph(b *strings.Builder, p paragraph, indent string) {
	if p.literal {
		writeLiteral(b, p.text, indent+"    ")
		return
	}
	text := mdEscape(p.text)
	if p.link {
		text = "<" + p.text + ">"
	}
	if p.label != "" {
		text = mdEscape(p.label) + ": " + text
	}
	b.WriteString(indent + text + "\n")
}

// writeLiteral writes each line of text with the indent, which makes
// lines to copy stand out in the text and a code block in Markdown.
func writeLiteral(b *strings.Builder, text, indent string) {
	for _, line := range strings.Split(text, "\n") {
		b.WriteString(strings.TrimRight(indent+line, " ") + "\n")
	}
}

// mdEscape backslash-escapes what would otherwise turn running text into
// emphasis, code, a link, HTML or a character reference, and nothing
// else: chat programs that show Markdown as typed would show every
// needless backslash (token\_auth). The rules are CommonMark's.
func mdEscape(s string) string {
	var b strings.Builder
	for i, r := range s {
		if mdSpecial(s, i, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdSpecial reports whether the character r at s[i] needs a backslash.
func mdSpecial(s string, i int, r rune) bool {
	prev, next := runeBefore(s, i), runeAfter(s, i+utf8.RuneLen(r))
	switch r {
	case '`', '*':
		return true // code spans, and emphasis also inside words
	case '_':
		// Emphasis with _ opens and closes only at a word's edge:
		// token_auth stays as it is.
		return !isWordRune(prev) || !isWordRune(next)
	case '\\':
		return isASCIIPunct(next) // elsewhere a backslash is itself
	case '<':
		// An autolink or an HTML tag starts with a letter, / ! or ?.
		return next < utf8.RuneSelf && (unicode.IsLetter(next) || strings.ContainsRune("/!?", next))
	case '>':
		return i == 0 // a quote only at the start of a line
	case '[':
		// A link needs ](…) or ][…] after it.
		rest := s[i:]
		return strings.Contains(rest, "](") || strings.Contains(rest, "][")
	case '&':
		// &amp; and &#38; are character references; &token_auth= is not.
		return isCharRef(s[i+1:])
	}
	return false
}

func runeBefore(s string, i int) rune {
	if i == 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

func runeAfter(s string, i int) rune {
	if i >= len(s) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIPunct(r rune) bool {
	return r < utf8.RuneSelf && unicode.IsPunct(r) || strings.ContainsRune("$+<=>^`|~", r)
}

// isCharRef reports whether s starts like what follows the & of a
// character reference: a name or number and a semicolon.
func isCharRef(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == ';':
			return n > 0
		case r == '#' && n == 0, r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			n++
		default:
			return false
		}
	}
	return false
}

// codeSpan wraps s in enough backticks that none inside can end it.
func codeSpan(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
