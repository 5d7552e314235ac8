//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

const (
	noFollow = syscall.O_NOFOLLOW
	noBlock  = syscall.O_NONBLOCK
)

func links(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

func makePrivate(f *os.File) error { return f.Chmod(Mode) }

// ownedByOther reports whether fi belongs to a user other than the one
// this program runs as.
func ownedByOther(fi fs.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) != os.Geteuid()
}

// isLinkError recognises the error of opening a symbolic link with
// O_NOFOLLOW.
func isLinkError(err error) bool { return errors.Is(err, syscall.ELOOP) }

// isNoReader recognises the error of opening a named pipe without a
// reader for writing, without waiting.
func isNoReader(err error) bool { return errors.Is(err, syscall.ENXIO) }
