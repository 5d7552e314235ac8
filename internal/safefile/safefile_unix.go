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

// isLinkError recognises the error of opening a symbolic link with
// O_NOFOLLOW.
func isLinkError(err error) bool { return errors.Is(err, syscall.ELOOP) }

// isNoReader recognises the error of opening a named pipe without a
// reader for writing, without waiting.
func isNoReader(err error) bool { return errors.Is(err, syscall.ENXIO) }
