package accessible

import (
	"matomo-onboard/internal/i18n"
	"matomo-onboard/internal/safefile"
	"matomo-onboard/matomo"
)

// The token leaves the line mode only when the person asks for it at the
// end, only in these ways, and is never printed (internal/cli's reveal
// test lists every place that reads it out):
//   - copy: the system clipboard, through its own tool (wl-copy, xclip,
//     xsel, pbcopy, clip.exe) with the token on the tool's standard input,
//     only in a session on the person's own computer;
//   - save: a new file the person names, readable by them only.
// (The wizard's third way, the terminal's clipboard, is an escape
// sequence, which this mode never writes.)

// Clipboard puts text into the system clipboard (see internal/desktop).
type Clipboard interface {
	Name() string
	Copy(text string) error
}

// tokenFileName is the file save suggests, in the current folder.
const tokenFileName = "matomo-token.txt"

// tokenChoices are the ways out offered at the end.
func (s *session) tokenChoices() []choice {
	var out []choice
	if s.cfg.Clipboard != nil {
		out = append(out, choice{word: "copy", alias: "c", label: s.t(i18n.LineCopyLabel, s.cfg.Clipboard.Name())})
	}
	return append(out, choice{word: "save", label: s.t(i18n.LineSaveLabel)})
}

// copyTokenToSystem is copy: the token on the clipboard tool's standard
// input, never in its arguments or environment.
func (s *session) copyTokenToSystem() {
	cb := s.cfg.Clipboard
	if err := cb.Copy(s.token.Reveal()); err != nil {
		s.sayT(i18n.LineCopyFailed, clean(s.cfg.Printer.Error(err)), s.wq("save"))
		return
	}
	s.tokenOut = "the system clipboard"
	s.sayT(i18n.LineCopied, cb.Name())
}

// saveToken is save: it asks for a file name and writes the token, and a
// line end, to a new file there (verify reads it back from such a file).
func (s *session) saveToken() error {
	s.sayT(i18n.LineSaveExplained)
	name, err := s.askFileName(tokenFileName)
	if err != nil {
		return err
	}
	if matomo.ContainsToken(name) {
		s.sayT(i18n.LineFileNameToken)
		return nil
	}
	s.saveTokenToFile(name)
	return nil
}

// saveTokenToFile writes the token to a new file at name.
func (s *session) saveTokenToFile(name string) {
	path, err := safefile.WriteNewNamed(name, tokenFileName, []byte(s.token.Reveal()+"\n"))
	if err != nil {
		s.sayT(i18n.LineNotSaved, matomo.Printable(path, 4096), clean(s.cfg.Printer.Error(err)), s.wq("save"))
		return
	}
	s.savedTo = matomo.Printable(path, 4096)
	s.tokenOut = "the file " + s.savedTo
	s.sayT(i18n.LineSaved, s.savedTo)
}

// askFileName asks for a file name; at a terminal through ReadAddress,
// which keeps a token typed there off the screen.
func (s *session) askFileName(def string) (string, error) {
	prompt := s.t(i18n.LineFileNamePrompt)
	if s.cfg.ReadAddress == nil {
		return s.ask(prompt, def)
	}
	line, err := s.cfg.ReadAddress(prompt + " [" + def + "]: ")
	if err != nil || s.ctx.Err() != nil {
		return "", ErrCanceled
	}
	if a := trimmed(line); a != "" {
		return a, nil
	}
	return def, nil
}

// holdQuit holds back an ending while the verified token is nowhere yet:
// Matomo does not show it again. It asks once; a demo token is no secret.
// atEnd says the ending was finish at the end, where the ways out are
// offered; else it was quit, typed at any question.
func (s *session) holdQuit(atEnd bool) bool {
	held := s.found.Result() != nil || s.found.Created() != nil
	if s.quitAsked || s.tokenOut != "" || !held || s.token.IsZero() || s.isDemoToken() {
		return false
	}
	s.quitAsked = true
	ways := s.t(i18n.LineWaysSave, s.wq("save"))
	if s.cfg.Clipboard != nil {
		ways = s.t(i18n.LineWaysCopySave, s.wq("copy"), s.wq("save"))
	}
	if s.found.Result() == nil {
		// The created token's failed check: the ways out are the answers
		// of this very question.
		s.sayT(i18n.LineNotSavedYetQuitHere, ways, s.wq("quit"))
		return true
	}
	if atEnd {
		s.sayT(i18n.LineNotSavedYetEnd, ways, s.wq("finish"))
	} else {
		s.sayT(i18n.LineNotSavedYetQuit, ways, s.wq("quit"))
	}
	return true
}

// isDemoToken reports whether the token is one of the demo's.
func (s *session) isDemoToken() bool {
	for _, d := range s.cfg.DemoTokens {
		if c, err := matomo.ParseToken(d.Value); err == nil && c.Token.Equal(s.token) {
			return true
		}
	}
	return false
}
