//go:build unix

package cli

import (
	"io"
	"os"

	"golang.org/x/sys/unix"
)

// stdoutClosed reports whether w is a standard output that was closed
// when the program started (`>&-`). Go's runtime opens /dev/null in its
// place, read-write, so writes to it vanish without an error. A shell's
// `> /dev/null` opens it write-only: that discards on purpose and is not
// reported.
func stdoutClosed(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	flags, err := unix.FcntlInt(f.Fd(), unix.F_GETFL, 0)
	if err != nil || flags&unix.O_ACCMODE != unix.O_RDWR {
		return false
	}
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err == nil && os.SameFile(fi, null)
}
