package accessible

import (
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
		out = append(out, choice{word: "copy", alias: "c", label: "put the token into the system clipboard, with " + s.cfg.Clipboard.Name()})
	}
	return append(out, choice{word: "save", label: "save the token to a new file that only you can read"})
}

// copyTokenToSystem is copy: the token on the clipboard tool's standard
// input, never in its arguments or environment.
func (s *session) copyTokenToSystem() {
	cb := s.cfg.Clipboard
	if err := cb.Copy(s.token.Reveal()); err != nil {
		s.say("The token did not reach the system clipboard: " + clean(err.Error()) + ". Type save to save it to a file instead.")
		return
	}
	s.tokenOut = "the system clipboard"
	s.say(cb.Name() + " put the token into the system clipboard. Paste it where it belongs; " +
		"a clipboard history keeps it too, so clear that once the token is pasted.")
}

// saveToken is save: it asks for a file name and writes the token, and a
// line end, to a new file there (verify reads it back from such a file).
func (s *session) saveToken() error {
	s.say("The token goes into a new file, readable only by you. A name without a folder is in the current folder; ~ is your home folder.")
	name, err := s.askFileName(tokenFileName)
	if err != nil {
		return err
	}
	if matomo.ContainsToken(name) {
		s.say("That looks like a token, not a file name: nothing was saved, and it is not repeated.")
		return nil
	}
	s.saveTokenToFile(name)
	return nil
}

// saveTokenToFile writes the token to a new file at name.
func (s *session) saveTokenToFile(name string) {
	path, err := safefile.WriteNewNamed(name, tokenFileName, []byte(s.token.Reveal()+"\n"))
	if err != nil {
		s.say("Not saved to " + matomo.Printable(path, 4096) + ": " + clean(err.Error()) + ". Type save to choose another name.")
		return
	}
	s.savedTo = matomo.Printable(path, 4096)
	s.tokenOut = "the file " + s.savedTo
	s.say("Saved the token to " + s.savedTo + ". Only you can read it; delete the file once the token is stored where it belongs.")
}

// askFileName asks for a file name; at a terminal through ReadAddress,
// which keeps a token typed there off the screen.
func (s *session) askFileName(def string) (string, error) {
	if s.cfg.ReadAddress == nil {
		return s.ask("File name", def)
	}
	line, err := s.cfg.ReadAddress("File name [" + def + "]: ")
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
	ways := "save puts it into a new file"
	if s.cfg.Clipboard != nil {
		ways = "copy puts it into the system clipboard, save into a new file"
	}
	if s.found.Result() == nil {
		// The created token's failed check: the ways out are the answers
		// of this very question.
		s.say("The token is not saved anywhere yet, and Matomo does not show it again: " + ways +
			". Choose quit again to stop without it.")
		return true
	}
	if atEnd {
		s.say("The token is not saved anywhere yet, and Matomo does not show it again: " + ways +
			". Choose finish again to end without it.")
	} else {
		s.say("The token is not saved anywhere yet, and Matomo does not show it again: at the end, " + ways +
			". Type quit again to stop without it.")
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
